// The same late loop under MissedTickBehavior::Delay (restart the period from the late tick) and
// ::Skip (drop missed ticks, stay on the original grid of multiples of the period).
use std::time::Duration;
use tokio::time::{self, Instant, MissedTickBehavior};

async fn run(behavior: MissedTickBehavior) {
    let start = Instant::now();
    let mut interval = time::interval(Duration::from_millis(100));
    interval.set_missed_tick_behavior(behavior);
    let mut ticks = Vec::new();
    for i in 0..5 {
        interval.tick().await;
        ticks.push(start.elapsed().as_millis());
        if i == 1 {
            time::sleep(Duration::from_millis(250)).await;
        }
    }
    println!("{behavior:?}: ticks at {ticks:?}");
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    run(MissedTickBehavior::Burst).await;
    run(MissedTickBehavior::Delay).await;
    run(MissedTickBehavior::Skip).await;
}
