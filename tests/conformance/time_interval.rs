// interval's first tick completes immediately; later ticks come every period. If the loop body
// overruns, missed ticks fire at once (MissedTickBehavior::Burst, the default) to catch up.
use std::time::Duration;
use tokio::time::{interval, sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut ticker = interval(Duration::from_millis(10));
    for n in 1..=3 {
        ticker.tick().await;
        println!("tick {n} at {}ms", start.elapsed().as_millis());
    }
    println!("working for 25ms");
    sleep(Duration::from_millis(25)).await;
    for n in 4..=7 {
        ticker.tick().await;
        println!("tick {n} at {}ms", start.elapsed().as_millis());
    }
}
