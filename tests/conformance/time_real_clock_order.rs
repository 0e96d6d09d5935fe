// Without start_paused tokio sleeps on the real clock. Deadlines 100ms apart wake in deadline
// order; the test prints only the order and coarse checks, never raw wall-clock readings.
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let late = tokio::spawn(async {
        sleep(Duration::from_millis(200)).await;
        println!("late task woke");
    });
    let early = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("early task woke");
    });
    late.await.unwrap();
    early.await.unwrap();
    println!("at least 200ms passed: {}", start.elapsed() >= Duration::from_millis(200));
}
