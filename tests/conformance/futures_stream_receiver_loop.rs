// A learner's first stream: an mpsc channel wrapped in ReceiverStream, read with
// `while let Some(x) = stream.next().await`; the loop ends when the producer task drops its Sender.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = tokio::time::Instant::now();
    let (tx, rx) = mpsc::channel(2);
    tokio::spawn(async move {
        for i in 1..=5 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            println!("producer: sending {i}");
            tx.send(i).await.unwrap();
        }
        println!("producer: done");
    });
    let mut stream = ReceiverStream::new(rx);
    while let Some(x) = stream.next().await {
        println!("consumer: got {x} at {}ms", start.elapsed().as_millis());
    }
    println!("stream finished");
}
