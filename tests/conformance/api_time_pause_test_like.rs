// Testing time-dependent code with a paused clock, as a #[tokio::test(start_paused = true)] would:
// timeouts and sleeps complete instantly in real time, `advance` steps the clock by hand, and
// Instant::now() only moves when the clock does.
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{self, timeout, Instant};

async fn slow_answer() -> u32 {
    time::sleep(Duration::from_secs(30)).await;
    42
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    time::pause();
    let start = Instant::now();
    let r = timeout(Duration::from_secs(5), slow_answer()).await;
    println!("timeout after {}s: {:?}", start.elapsed().as_secs(), r.is_err());
    let r = timeout(Duration::from_secs(60), slow_answer()).await;
    println!("answer {:?} at {}s", r, start.elapsed().as_secs());

    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        time::sleep(Duration::from_millis(1500)).await;
        let _ = tx.send("done");
    });
    let before = Instant::now();
    time::advance(Duration::from_millis(1000)).await;
    println!("advanced by {}ms", before.elapsed().as_millis());
    time::advance(Duration::from_millis(1000)).await;
    println!("message: {:?}", rx.await.unwrap());
    println!("total clock time {}ms", start.elapsed().as_millis());
}
