// A Barrier used for several rounds: 4 workers do a step, wait at the barrier, and go on together.
// The barrier is reusable; each round has exactly one leader, which prints the round summary.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Barrier, Mutex};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let barrier = Arc::new(Barrier::new(4));
    let log = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for id in 0..4u64 {
        let barrier = barrier.clone();
        let log = log.clone();
        handles.push(tokio::spawn(async move {
            let mut led = 0;
            for round in 0..3u64 {
                tokio::time::sleep(Duration::from_millis(10 * ((id + round) % 4 + 1))).await;
                log.lock().await.push(format!("r{round}:w{id}"));
                let res = barrier.wait().await;
                if res.is_leader() {
                    led += 1;
                    let entries = log.lock().await.len();
                    println!("round {round}: leader is worker {id}, {entries} log entries so far");
                }
            }
            led
        }));
    }
    let mut total = 0;
    for (id, h) in handles.into_iter().enumerate() {
        let led = h.await.unwrap();
        println!("worker {id} led {led} round(s)");
        total += led;
    }
    println!("total leaders: {total}");
    let b = Barrier::new(0);
    let r = b.wait().await;
    println!("barrier of zero: {:?}, leader = {}", r, r.is_leader());
}
