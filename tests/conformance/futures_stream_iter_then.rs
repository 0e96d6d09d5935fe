// `stream::iter(..).then(async ..)` runs one async step per item, in order: the next item's
// future is created only after the previous one finished.
use futures::stream::{self, StreamExt};
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let results: Vec<u64> = stream::iter(vec![30u64, 10, 20])
        .then(|ms| async move {
            println!("start {ms}ms job at {}ms", start.elapsed().as_millis());
            sleep(Duration::from_millis(ms)).await;
            ms * 2
        })
        .collect()
        .await;
    println!("results {results:?} at {}ms", start.elapsed().as_millis());
    let mut s = Box::pin(stream::iter(1..=3).then(|x| async move { x * x }));
    while let Some(v) = s.next().await {
        println!("square {v}");
    }
    stream::iter(["a", "b"])
        .for_each(|s| async move {
            println!("for_each {s}");
        })
        .await;
}
