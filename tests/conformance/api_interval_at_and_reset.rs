// `interval_at` starts the first tick at a chosen instant instead of immediately; `Interval::reset`
// restarts the schedule from now; `Sleep::reset` moves a pinned sleep's deadline.
use std::time::Duration;
use tokio::time::{self, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut iv = time::interval_at(start + Duration::from_millis(250), Duration::from_millis(100));
    for _ in 0..3 {
        iv.tick().await;
        println!("interval_at tick at {}ms", start.elapsed().as_millis());
    }
    time::sleep(Duration::from_millis(30)).await;
    iv.reset();
    iv.tick().await;
    println!("after reset at 480ms, next tick at {}ms", start.elapsed().as_millis());

    let sleep = time::sleep(Duration::from_millis(1000));
    tokio::pin!(sleep);
    println!("sleep deadline in {}ms", (sleep.deadline() - Instant::now()).as_millis());
    sleep.as_mut().reset(Instant::now() + Duration::from_millis(50));
    sleep.as_mut().await;
    println!("reset sleep finished at {}ms", start.elapsed().as_millis());
    println!("is_elapsed: {}", sleep.is_elapsed());
}
