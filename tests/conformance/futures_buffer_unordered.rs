// `buffer_unordered(n)` runs up to n of a stream's futures at once and yields them as they finish:
// the learner's "fetch many URLs, two at a time" pattern.
use futures::stream::{self, StreamExt};
use std::time::Duration;
use tokio::time::{sleep, Instant};

async fn fetch(url: &'static str, ms: u64) -> String {
    println!("start {url}");
    sleep(Duration::from_millis(ms)).await;
    format!("{url}: {} bytes", ms * 10)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let jobs = vec![("a.com", 40), ("b.com", 10), ("c.com", 30), ("d.com", 10)];
    let mut results = stream::iter(jobs).map(|(u, ms)| fetch(u, ms)).buffer_unordered(2);
    while let Some(page) = results.next().await {
        println!("{page} at {}ms", start.elapsed().as_millis());
    }
    let ordered: Vec<String> = stream::iter(vec![("x", 30), ("y", 10)])
        .map(|(u, ms)| fetch(u, ms))
        .buffered(2)
        .collect()
        .await;
    println!("buffered keeps order: {ordered:?} at {}ms", start.elapsed().as_millis());
}
