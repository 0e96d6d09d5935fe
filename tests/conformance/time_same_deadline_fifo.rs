// Timers with the same deadline fire in the order they were registered (first poll of the
// Sleep), not in spawn order: odd tasks register at once, even ones only after a yield_now.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::{sleep_until, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let deadline = Instant::now() + Duration::from_millis(50);
    let mut handles = Vec::new();
    for i in 0..5 {
        handles.push(tokio::spawn(async move {
            if i % 2 == 0 {
                yield_now().await;
            }
            println!("task {i}: registering its timer");
            sleep_until(deadline).await;
            println!("task {i}: fired");
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
}
