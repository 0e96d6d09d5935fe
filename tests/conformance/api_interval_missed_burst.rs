// An interval's default MissedTickBehavior is Burst: when the loop body takes longer than the period,
// the missed ticks fire back to back (no waiting) until the schedule has caught up.
use std::time::Duration;
use tokio::time::{self, Instant, MissedTickBehavior};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut interval = time::interval(Duration::from_millis(100));
    println!("default behavior: {:?}", interval.missed_tick_behavior());
    assert_eq!(interval.missed_tick_behavior(), MissedTickBehavior::Burst);
    for i in 0..6 {
        let tick = interval.tick().await;
        let scheduled = (tick - start).as_millis();
        println!("tick {i} at {}ms (scheduled for {scheduled}ms)", start.elapsed().as_millis());
        if i == 1 {
            println!("  slow work: 350ms");
            time::sleep(Duration::from_millis(350)).await;
        }
    }
}
