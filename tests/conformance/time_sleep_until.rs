// sleep_until waits for an absolute Instant; an Instant already in the past completes on the
// first poll without advancing the clock.
use std::time::Duration;
use tokio::time::{sleep_until, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let wake_at = start + Duration::from_millis(40);
    sleep_until(wake_at).await;
    println!("woke at {}ms", start.elapsed().as_millis());
    sleep_until(start + Duration::from_millis(10)).await;
    println!("past deadline returned at {}ms", start.elapsed().as_millis());
    sleep_until(wake_at + Duration::from_secs(1)).await;
    println!("woke again at {}ms", start.elapsed().as_millis());
}
