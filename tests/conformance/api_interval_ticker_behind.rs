// A ticker whose work sometimes takes longer than its period, run with each MissedTickBehavior: which
// ticks fire late, which are skipped, and how the schedule shifts.
use std::time::Duration;
use tokio::time::{self, Instant, MissedTickBehavior};

async fn ticker(behavior: MissedTickBehavior) {
    let start = Instant::now();
    let mut iv = time::interval(Duration::from_millis(50));
    iv.set_missed_tick_behavior(behavior);
    let work = [10u64, 120, 10, 10, 70, 10, 10];
    let mut seen = Vec::new();
    for w in work {
        let scheduled = iv.tick().await;
        seen.push(format!(
            "{}@{}",
            (scheduled - start).as_millis(),
            start.elapsed().as_millis()
        ));
        time::sleep(Duration::from_millis(w)).await;
    }
    println!("{:<5} period {:?}: {}", format!("{behavior:?}"), iv.period(), seen.join(" "));
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    for b in [MissedTickBehavior::Burst, MissedTickBehavior::Delay, MissedTickBehavior::Skip] {
        ticker(b).await;
    }
}
