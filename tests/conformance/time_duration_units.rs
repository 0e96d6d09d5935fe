// Duration constructors and accessors, plus Debug formatting of Duration, measured with the
// paused tokio clock so the elapsed values are exact.
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let d = Duration::from_millis(1500);
    println!("{}ms = {}s (whole seconds), debug {:?}", d.as_millis(), d.as_secs(), d);
    let start = Instant::now();
    sleep(Duration::from_secs(2)).await;
    println!("after from_secs(2): {}ms", start.elapsed().as_millis());
    sleep(d).await;
    println!("after from_millis(1500): {}ms, {}s", start.elapsed().as_millis(), start.elapsed().as_secs());
    let total = Duration::from_secs(1) + Duration::from_millis(250);
    println!("sum {:?}, debug of 250ms: {:?}", total, Duration::from_millis(250));
}
