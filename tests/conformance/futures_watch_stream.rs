// WatchStream yields the watch channel's current value at once, then the latest value after each
// change (values sent while nobody polled are skipped), and ends when the sender is dropped.
use std::time::Duration;
use tokio::sync::watch;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::StreamExt;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, rx) = watch::channel("idle");
    let reader = tokio::spawn(async move {
        let mut states = WatchStream::new(rx);
        while let Some(s) = states.next().await {
            println!("state: {s}");
        }
        println!("sender gone");
    });
    tokio::time::sleep(Duration::from_millis(10)).await;
    tx.send("loading").unwrap();
    tokio::time::sleep(Duration::from_millis(10)).await;
    tx.send("parsing").unwrap();
    tx.send("done").unwrap();
    tokio::time::sleep(Duration::from_millis(10)).await;
    drop(tx);
    reader.await.unwrap();
}
