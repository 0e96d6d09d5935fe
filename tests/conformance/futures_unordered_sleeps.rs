// FuturesUnordered of sleeps: outputs come back in the order they finish, not the order pushed;
// all of them run inside the one main task.
use futures::stream::{FuturesUnordered, StreamExt};
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut set = FuturesUnordered::new();
    for ms in [50u64, 10, 40, 20, 30] {
        set.push(async move {
            sleep(Duration::from_millis(ms)).await;
            ms
        });
    }
    println!("len {}", set.len());
    let mut order = Vec::new();
    while let Some(ms) = set.next().await {
        println!("{ms}ms sleep finished at {}ms", start.elapsed().as_millis());
        order.push(ms);
    }
    println!("order {order:?}, empty {}", set.is_empty());
    let sums: Vec<u32> = (1..=3u32)
        .map(|n| async move { n + 100 })
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await;
    println!("collected {} items, sum {}", sums.len(), sums.iter().sum::<u32>());
}
