// Language: std::mem::{swap, replace, take} and Option::take — a double buffer flushed on every tick
// (take leaves an empty Vec behind), a state enum advanced with replace, and two buffers swapped.
use std::mem;
use std::time::Duration;

#[derive(Debug)]
enum Conn {
    Idle,
    Connecting { attempt: u32 },
    Open(String),
    Closed,
}

fn advance(state: &mut Conn) -> Conn {
    let next = match state {
        Conn::Idle => Conn::Connecting { attempt: 1 },
        Conn::Connecting { attempt } if *attempt < 2 => Conn::Connecting { attempt: *attempt + 1 },
        Conn::Connecting { .. } => Conn::Open("session-1".to_string()),
        Conn::Open(_) | Conn::Closed => Conn::Closed,
    };
    mem::replace(state, next)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut a = vec![1, 2];
    let mut b = vec![9];
    mem::swap(&mut a, &mut b);
    println!("after swap a={:?} b={:?}", a, b);
    let mut name = String::from("old");
    let previous = mem::replace(&mut name, String::from("new"));
    println!("replace: previous {previous:?}, now {name:?}");
    let taken = mem::take(&mut name);
    println!("take: got {taken:?}, left {name:?} (empty: {})", name.is_empty());

    let mut state = Conn::Idle;
    for _ in 0..5 {
        let old = advance(&mut state);
        println!("{:?} -> {:?}", old, state);
    }

    let mut buffer: Vec<String> = Vec::new();
    let mut pending: Option<String> = Some("first".to_string());
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    let (tx, mut rx) = tokio::sync::mpsc::channel::<String>(8);
    tokio::spawn(async move {
        for i in 0..5 {
            tokio::time::sleep(Duration::from_millis(70)).await;
            tx.send(format!("event{i}")).await.unwrap();
        }
    });
    for tick in 0..4 {
        ticker.tick().await;
        while let Ok(ev) = rx.try_recv() {
            buffer.push(ev);
        }
        if let Some(p) = pending.take() {
            buffer.insert(0, p);
        }
        let batch = mem::take(&mut buffer);
        println!("tick {tick}: flushed {:?}, buffer now {:?}, pending {:?}", batch, buffer, pending);
    }
}
