// multi_thread, 1 worker: std::thread::sleep(200ms) in a task blocks the only worker, and the
// block_on thread does not poll the timers, so the task with a 10ms sleep wakes 200ms late.
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let start = Instant::now();
    let timer_task = tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        println!("timer task: woke, at least 200ms late: {}", start.elapsed() >= Duration::from_millis(200));
    });
    let blocker = tokio::spawn(async {
        println!("blocker: std::thread::sleep(200ms) -- the only worker is stuck");
        std::thread::sleep(Duration::from_millis(200));
        println!("blocker: done");
    });
    timer_task.await.unwrap();
    blocker.await.unwrap();
    println!("main: done");
}
