// `Builder::start_paused(true)` (what #[tokio::test(start_paused = true)] does): the clock only moves
// when every task is idle, jumping straight to the next timer, so an hour of sleeps finishes at once.
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::time::Instant;

fn main() {
    let rt = Builder::new_current_thread().enable_time().start_paused(true).build().unwrap();
    rt.block_on(async {
        let start = Instant::now();
        let slow = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            println!("slow: woke at {}s", start.elapsed().as_secs());
        });
        for step in 1..=3u64 {
            tokio::time::sleep(Duration::from_secs(600 * step)).await;
            println!("main: step {step} at {}s", start.elapsed().as_secs());
        }
        slow.await.unwrap();
        println!("main: total {}s of paused time", start.elapsed().as_secs());
    });
}
