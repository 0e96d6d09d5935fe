// One release that satisfies several queued waiters at once: tokio 1.24 collects their wakers in a
// WakeList and wakes them in REVERSE order, so waiter 3 runs first (tokio >= 1.38 runs 1, 2, 3).
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let sem = Arc::new(Semaphore::new(3));
    let all = sem.acquire_many(3).await.unwrap();
    let mut handles = Vec::new();
    for i in 1..=3 {
        let sem = sem.clone();
        handles.push(tokio::spawn(async move {
            println!("waiter {i}: queued");
            let _permit = sem.acquire().await.unwrap();
            println!("waiter {i}: acquired");
        }));
    }
    yield_now().await;
    println!("main: releasing 3 permits at once");
    drop(all);
    for handle in handles {
        handle.await.unwrap();
    }
}
