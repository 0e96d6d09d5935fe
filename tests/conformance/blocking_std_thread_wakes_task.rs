// An OS thread can wake async code through tokio primitives: it sends on an unbounded mpsc channel
// (a synchronous send), and the waiting task is scheduled on the runtime from outside.
use std::time::Duration;
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    std::thread::spawn(move || {
        for i in 1..=3 {
            std::thread::sleep(Duration::from_millis(30));
            tx.send(i).unwrap();
        }
    });
    while let Some(v) = rx.recv().await {
        println!("main: received {v} from the OS thread");
    }
    println!("main: the thread finished and dropped its sender");
}
