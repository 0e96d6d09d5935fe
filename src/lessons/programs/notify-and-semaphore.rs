use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, Semaphore};
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let go = Arc::new(Notify::new());
    // Two permits: at most two workers can hold one at a time.
    let permits = Arc::new(Semaphore::new(2));
    let mut workers = Vec::new();
    for id in 1..=4 {
        let go = go.clone();
        let permits = permits.clone();
        workers.push(tokio::spawn(async move {
            go.notified().await;
            let _permit = permits.acquire().await.unwrap();
            println!("worker {id}: got a permit at {} ms", start.elapsed().as_millis());
            sleep(Duration::from_millis(100)).await;
            println!("worker {id}: done, releasing its permit");
        }));
    }
    // Let every worker start and wait on `go`.
    tokio::task::yield_now().await;
    println!("main: notify_waiters() wakes all four");
    go.notify_waiters();
    for worker in workers {
        worker.await.unwrap();
    }
    println!("main: all done at {} ms", start.elapsed().as_millis());
}
