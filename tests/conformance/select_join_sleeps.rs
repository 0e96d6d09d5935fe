// join! runs its futures concurrently on the current task: total time is the longest sleep, not
// the sum, and the results come back as a tuple in argument order.
use std::time::Duration;
use tokio::time::{sleep, Instant};

async fn fetch(name: &str, ms: u64) -> String {
    println!("{name}: start");
    sleep(Duration::from_millis(ms)).await;
    println!("{name}: done after {ms}ms");
    format!("{name}-result")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (x, y, z) = tokio::join!(fetch("x", 30), fetch("y", 10), fetch("z", 20));
    println!("results {x}, {y}, {z} after {}ms", start.elapsed().as_millis());
}
