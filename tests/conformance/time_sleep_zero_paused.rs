// Under start_paused, a zero-length sleep's deadline is already reached when it is first polled,
// so it completes without yielding: the spawned task only runs at main's 1ms sleep.
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    tokio::spawn(async {
        println!("spawned task runs");
    });
    sleep(Duration::from_millis(0)).await;
    println!("main: after sleep(0ms) at {}ms", start.elapsed().as_millis());
    sleep(Duration::from_millis(1)).await;
    println!("main: after sleep(1ms) at {}ms", start.elapsed().as_millis());
}
