// Two channels as streams, merged with tokio_stream's `merge`; UnboundedReceiverStream for an
// unbounded channel, `chain` to append a final item.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::{ReceiverStream, UnboundedReceiverStream};
use tokio_stream::{self as stream, StreamExt};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx1, rx1) = mpsc::unbounded_channel::<String>();
    let (tx2, rx2) = mpsc::channel::<String>(4);
    tokio::spawn(async move {
        for i in 0..3 {
            tokio::time::sleep(Duration::from_millis(15)).await;
            tx1.send(format!("fast {i}")).unwrap();
        }
    });
    tokio::spawn(async move {
        for i in 0..2 {
            tokio::time::sleep(Duration::from_millis(25)).await;
            tx2.send(format!("slow {i}")).await.unwrap();
        }
    });
    let merged = UnboundedReceiverStream::new(rx1)
        .merge(ReceiverStream::new(rx2))
        .chain(stream::once(String::from("end")));
    tokio::pin!(merged);
    while let Some(m) = merged.next().await {
        println!("{m}");
    }
}
