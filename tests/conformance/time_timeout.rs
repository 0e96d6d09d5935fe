// tokio::time::timeout returns Ok(value) when the inner future finishes first and Err(Elapsed)
// when the deadline passes first (the inner future is dropped and never finishes).
use std::time::Duration;
use tokio::time::{sleep, timeout, Instant};

async fn work(ms: u64) -> u64 {
    sleep(Duration::from_millis(ms)).await;
    ms
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let fast = timeout(Duration::from_millis(50), work(10)).await;
    println!("fast: {:?} at {}ms", fast, start.elapsed().as_millis());
    let slow = timeout(Duration::from_millis(50), work(100)).await;
    match slow {
        Ok(v) => println!("slow: finished with {v}"),
        Err(_) => println!("slow: timed out at {}ms", start.elapsed().as_millis()),
    }
    println!("is_err: {}", slow.is_err());
}
