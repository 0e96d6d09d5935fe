// An unbounded channel's send never waits (it is not even async). Messages arrive in FIFO order;
// the receiver task only runs once main yields.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    let receiver = tokio::spawn(async move {
        let mut count = 0;
        while let Some(msg) = rx.recv().await {
            count += 1;
            println!("received #{count}: {msg}");
        }
        count
    });
    for word in vec!["alpha", "beta", "gamma"] {
        tx.send(word.to_string()).unwrap();
        println!("sent {word}");
    }
    drop(tx);
    println!("receiver saw {} messages", receiver.await.unwrap());
}
