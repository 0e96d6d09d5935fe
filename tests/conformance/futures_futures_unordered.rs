// FuturesUnordered holds many futures and yields their outputs as they complete (not in push
// order); `next().await` returns None once it is empty. All futures run inside one task.
use futures::stream::{FuturesUnordered, StreamExt};
use std::time::Duration;
use tokio::time::{sleep, Instant};

async fn fetch(id: u32, ms: u64) -> (u32, u64) {
    sleep(Duration::from_millis(ms)).await;
    (id, ms)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut pending = FuturesUnordered::new();
    for (id, ms) in [(1, 300), (2, 100), (3, 200)] {
        pending.push(fetch(id, ms));
    }
    println!("in flight: {}", pending.len());
    while let Some((id, ms)) = pending.next().await {
        println!("fetch {id} ({ms}ms) done at {}ms", start.elapsed().as_millis());
        if id == 2 {
            pending.push(fetch(4, 50));
            println!("pushed fetch 4 while others run");
        }
    }
    println!("all done, empty: {}", pending.is_empty());
}
