// tokio_stream::wrappers::ReceiverStream turns an mpsc Receiver into a Stream, so stream adapters
// work on channel messages; the stream ends when all senders are dropped.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, rx) = mpsc::channel::<u32>(4);
    for id in 0..2u32 {
        let tx = tx.clone();
        tokio::spawn(async move {
            for i in 0..3u32 {
                tokio::time::sleep(Duration::from_millis(10 + 15 * u64::from(id))).await;
                tx.send(id * 100 + i).await.unwrap();
            }
        });
    }
    drop(tx);
    let mut stream = ReceiverStream::new(rx).map(|v| format!("msg {v}"));
    while let Some(s) = stream.next().await {
        println!("{s}");
    }
    println!("stream ended");
}
