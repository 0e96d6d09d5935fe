// A common pattern: a loop that selects over a message channel and a periodic tick. Ticks come
// at 0, 20, 40, 60ms, messages at 25, 50, 75ms; the channel closes when the sender task ends.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{interval, sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel::<String>(4);
    tokio::spawn(async move {
        for msg in vec!["one", "two", "three"] {
            sleep(Duration::from_millis(25)).await;
            tx.send(msg.to_string()).await.unwrap();
        }
    });
    let mut ticker = interval(Duration::from_millis(20));
    let mut open = true;
    while open {
        tokio::select! {
            biased;
            msg = rx.recv() => match msg {
                Some(m) => println!("{}ms: message {m}", start.elapsed().as_millis()),
                None => {
                    println!("{}ms: channel closed", start.elapsed().as_millis());
                    open = false;
                }
            },
            _ = ticker.tick() => println!("{}ms: tick", start.elapsed().as_millis()),
        }
    }
}
