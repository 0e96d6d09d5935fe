// Deadlock: the receiver drains the buffered messages, then waits forever because main still
// holds a Sender that is never used, so recv() never returns None. Real tokio hangs.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();
    while let Some(v) = rx.recv().await {
        println!("got {v}");
    }
    println!("never printed: the loop only ends when every sender is dropped");
    drop(tx);
}
