// Semaphore waiters are served strictly FIFO, even with mixed permit counts: a queued request
// for 2 permits blocks a later request for 1, even while 1 permit is free.
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let sem = Arc::new(Semaphore::new(2));
    let first = sem.acquire().await.unwrap();
    let second = sem.acquire().await.unwrap();
    println!("main: holding 2 permits, available {}", sem.available_permits());

    let s = sem.clone();
    let big = tokio::spawn(async move {
        println!("big: wants 2");
        let _p = s.acquire_many(2).await.unwrap();
        println!("big: got 2");
    });
    let s = sem.clone();
    let small = tokio::spawn(async move {
        println!("small: wants 1");
        let _p = s.acquire().await.unwrap();
        println!("small: got 1");
    });
    yield_now().await;

    drop(first);
    println!("main: released 1, available {}", sem.available_permits());
    yield_now().await;
    println!("main: small is still waiting behind big");
    drop(second);
    println!("main: released the other 1");
    big.await.unwrap();
    small.await.unwrap();
    println!("main: done, available {}", sem.available_permits());
}
