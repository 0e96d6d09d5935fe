// multi_thread, 1 worker: block_in_place hands the worker's core (its queue and the timers) to
// another thread before running the closure, so even with one worker the other task keeps ticking
// while the closure blocks for 400ms. Its return value comes back to the calling task.
use std::time::Duration;
use tokio::time::{sleep_until, Instant};

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let start = Instant::now();
    let blocker = tokio::spawn(async move {
        println!("blocker: entering block_in_place");
        let value = tokio::task::block_in_place(|| {
            std::thread::sleep(Duration::from_millis(400));
            println!("blocker: closure done after 400ms");
            42
        });
        println!("blocker: block_in_place returned {value}");
        sleep_until(start + Duration::from_millis(600)).await;
        println!("blocker: slept until 600ms");
        value + 1
    });
    let ticker = tokio::spawn(async move {
        for ms in vec![100, 200, 300, 500] {
            sleep_until(start + Duration::from_millis(ms)).await;
            println!("ticker: {ms}ms");
        }
    });
    let value = blocker.await.unwrap();
    ticker.await.unwrap();
    println!("main: blocker returned {value}");
}
