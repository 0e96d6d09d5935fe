// Seed example (channels notes): an mpsc channel needs no cleanup because Sender and Receiver
// implement Drop: when every Sender is gone recv() returns None; without a Receiver send() fails.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel(32);
    let tx2 = tx.clone();
    tokio::spawn(async move {
        for i in 0..3 {
            tx.send(format!("from tx: {i}")).await.unwrap();
        }
        println!("first sender done, dropped");
    });
    tokio::spawn(async move {
        tx2.send("from tx2".to_string()).await.unwrap();
        println!("second sender done, dropped");
    });
    while let Some(msg) = rx.recv().await {
        println!("got {msg}");
    }
    println!("recv() returned None: all senders are gone");

    let (tx, rx) = mpsc::channel::<u32>(1);
    drop(rx);
    match tx.send(7).await {
        Ok(()) => println!("sent"),
        Err(e) => println!("send failed, the value comes back: {}", e.0),
    }
    println!("is_closed: {}", tx.is_closed());
}
