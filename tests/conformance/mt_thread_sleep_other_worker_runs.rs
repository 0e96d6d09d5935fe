// multi_thread, 2 workers: std::thread::sleep(200ms) inside a task blocks only the worker running
// it; the other worker keeps polling the timers and runs the ticker on time (40, 80, 120ms).
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let start = Instant::now();
    let ticker = tokio::spawn(async move {
        for i in 1..=3 {
            sleep(Duration::from_millis(40)).await;
            println!("ticker: tick {i}, before the blocker is done: {}", start.elapsed() < Duration::from_millis(200));
        }
    });
    let blocker = tokio::spawn(async {
        println!("blocker: std::thread::sleep(200ms) blocks this worker");
        std::thread::sleep(Duration::from_millis(200));
        println!("blocker: done");
    });
    ticker.await.unwrap();
    blocker.await.unwrap();
    println!("main: done");
}
