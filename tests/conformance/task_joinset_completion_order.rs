// JoinSet::join_next returns results in completion order, not spawn order, and None once the set
// is empty. Under start_paused the sleeps complete exactly at 10ms, 20ms and 30ms.
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut set = JoinSet::new();
    for (name, ms) in vec![("slow", 30u64), ("fast", 10), ("medium", 20)] {
        set.spawn(async move {
            sleep(Duration::from_millis(ms)).await;
            name
        });
    }
    println!("spawned {} tasks", set.len());
    while let Some(result) = set.join_next().await {
        println!("{} finished at {}ms", result.unwrap(), start.elapsed().as_millis());
    }
    println!("join_next returned None; set is empty: {}", set.is_empty());
}
