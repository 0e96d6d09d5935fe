// A bounded mpsc channel applies backpressure: with capacity 2 the producer's third send waits
// until the consumer frees a slot. The printed order shows when each side runs.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(2);
    let producer = tokio::spawn(async move {
        for i in 1..=5 {
            println!("producer: sending {i}");
            tx.send(i).await.unwrap();
            println!("producer: sent {i}");
        }
        println!("producer: done, dropping sender");
    });
    let consumer = tokio::spawn(async move {
        while let Some(v) = rx.recv().await {
            println!("consumer: got {v}");
        }
        println!("consumer: channel closed");
    });
    producer.await.unwrap();
    consumer.await.unwrap();
}
