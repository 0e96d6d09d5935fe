// Tokio tutorial (shared state): a std MutexGuard must be dropped before an .await (a block scope
// or a non-async method does it); tokio's Mutex may be held across .await.
use std::sync::{Arc, Mutex};
use tokio::task::yield_now;

async fn do_something_async() {
    yield_now().await;
}

// This works: the guard goes out of scope before the .await.
async fn increment_and_do_stuff(mutex: &Mutex<i32>) {
    {
        let mut lock = mutex.lock().unwrap();
        *lock += 1;
    } // lock goes out of scope here
    do_something_async().await;
}

struct CanIncrement {
    mutex: Mutex<i32>,
}

impl CanIncrement {
    // This function is not marked async.
    fn increment(&self) {
        let mut lock = self.mutex.lock().unwrap();
        *lock += 1;
    }
}

async fn increment_and_do_more(can_incr: &CanIncrement) {
    can_incr.increment();
    do_something_async().await;
}

async fn hold_across_await(mutex: &tokio::sync::Mutex<Vec<String>>, who: &str) {
    let mut lock = mutex.lock().await;
    lock.push(format!("{who} locked"));
    do_something_async().await;
    lock.push(format!("{who} unlocks"));
} // lock goes out of scope here

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let mut handles = Vec::new();
    for _ in 0..5 {
        let counter = counter.clone();
        handles.push(tokio::spawn(async move { increment_and_do_stuff(&counter).await }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("std Mutex counter = {}", *counter.lock().unwrap());

    let can = Arc::new(CanIncrement { mutex: Mutex::new(100) });
    let a = tokio::spawn({
        let can = can.clone();
        async move { increment_and_do_more(&can).await }
    });
    increment_and_do_more(&can).await;
    a.await.unwrap();
    println!("CanIncrement = {}", can.mutex.lock().unwrap());

    let log = Arc::new(tokio::sync::Mutex::new(Vec::new()));
    let l2 = log.clone();
    let t = tokio::spawn(async move { hold_across_await(&l2, "task").await });
    hold_across_await(&log, "main").await;
    t.await.unwrap();
    println!("{:#?}", log.lock().await);
}
