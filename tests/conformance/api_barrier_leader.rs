// A Barrier for 3 tasks: each waits until all three arrived, then all continue; exactly one wait()
// result says `is_leader()` (in tokio, the task whose arrival released the barrier).
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Barrier;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let barrier = Arc::new(Barrier::new(3));
    let mut handles = Vec::new();
    for id in 1..=3u64 {
        let b = barrier.clone();
        handles.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(30 * id)).await;
            println!("task {id}: arrived at the barrier");
            let result = b.wait().await;
            println!("task {id}: passed, leader = {}", result.is_leader());
            result.is_leader()
        }));
    }
    let mut leaders = 0;
    for h in handles {
        if h.await.unwrap() {
            leaders += 1;
        }
    }
    println!("leaders: {leaders}");
    let solo = Barrier::new(1);
    println!("a barrier of one: leader = {}", solo.wait().await.is_leader());
}
