use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    // Room for 2 messages: a send into a full channel waits until the receiver takes one.
    let (tx, mut rx) = mpsc::channel::<u32>(2);
    let producer = tokio::spawn(async move {
        for i in 1..=5 {
            tx.send(i).await.unwrap();
            println!("producer: sent {i} at {} ms", start.elapsed().as_millis());
        }
        println!("producer: done; dropping tx closes the channel");
    });
    // main is the consumer, and a slow one: 100 ms per message.
    while let Some(v) = rx.recv().await {
        println!("consumer: got {v}");
        sleep(Duration::from_millis(100)).await;
    }
    println!("consumer: channel closed at {} ms", start.elapsed().as_millis());
    producer.await.unwrap();
}
