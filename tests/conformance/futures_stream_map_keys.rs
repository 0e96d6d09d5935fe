// tokio_stream::StreamMap: several keyed streams read as one; each item comes with its key, and a
// stream that ends is removed from the map. The channels here become ready at distinct times under
// a paused clock, so the order is fixed (StreamMap starts each poll at a random stream); `remove`
// drops one stream early.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{StreamExt, StreamMap};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut map = StreamMap::new();
    for (name, delay) in [("fast", 10u64), ("slow", 25)] {
        let (tx, rx) = mpsc::channel(4);
        tokio::spawn(async move {
            for i in 0..3 {
                tokio::time::sleep(Duration::from_millis(delay)).await;
                if tx.send(i).await.is_err() {
                    println!("{} stops: removed", name);
                    return;
                }
            }
        });
        map.insert(name, ReceiverStream::new(rx));
    }
    println!("streams: {} (contains slow: {})", map.len(), map.contains_key("slow"));
    while let Some((key, v)) = map.next().await {
        println!("{}: {}", key, v);
        if key == "slow" && v == 1 {
            map.remove("slow");
            println!("removed slow; {} left", map.len());
        }
    }
    println!("map empty: {}", map.is_empty());
}
