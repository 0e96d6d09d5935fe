// Senders blocked on a full bounded channel get slots in the order they started waiting: each
// recv() frees one slot and wakes the oldest waiting sender.
use tokio::sync::mpsc;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(1);
    tx.send("prefilled".to_string()).await.unwrap();
    for name in vec!["first", "second", "third"] {
        let tx = tx.clone();
        tokio::spawn(async move {
            println!("{name}: waiting for a slot");
            tx.send(name.to_string()).await.unwrap();
            println!("{name}: sent");
        });
    }
    drop(tx);
    yield_now().await;
    while let Some(msg) = rx.recv().await {
        println!("main: received {msg}");
    }
    println!("main: all senders done");
}
