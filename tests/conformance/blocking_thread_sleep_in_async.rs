// std::thread::sleep inside an async task blocks the whole current_thread runtime: the task whose
// 10ms tokio timer expired cannot run until the blocking task's 200ms sleep returns.
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let timer_task = tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        println!("timer task: woke, at least 200ms late: {}", start.elapsed() >= Duration::from_millis(200));
    });
    let blocker = tokio::spawn(async {
        println!("blocker: std::thread::sleep(200ms) -- the runtime thread is stuck");
        std::thread::sleep(Duration::from_millis(200));
        println!("blocker: done");
    });
    timer_task.await.unwrap();
    blocker.await.unwrap();
}
