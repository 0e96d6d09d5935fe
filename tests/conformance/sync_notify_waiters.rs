// notify_waiters() wakes every task currently waiting (tokio 1.24 wakes them newest-first) and
// stores no permit, so a later notified() still waits; notify_one() wakes the OLDEST waiter.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::task::yield_now;
use tokio::time::timeout;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let notify = Arc::new(Notify::new());
    let mut handles = Vec::new();
    for i in 1..=3 {
        let notify = notify.clone();
        handles.push(tokio::spawn(async move {
            println!("waiter {i}: waiting");
            notify.notified().await;
            println!("waiter {i}: woken");
        }));
    }
    yield_now().await;
    println!("main: notify_waiters");
    notify.notify_waiters();
    for handle in handles {
        handle.await.unwrap();
    }
    let late = timeout(Duration::from_millis(10), notify.notified()).await;
    println!("a later notified() timed out: {}", late.is_err());

    let mut handles = Vec::new();
    for i in 4..=5 {
        let notify = notify.clone();
        handles.push(tokio::spawn(async move {
            notify.notified().await;
            println!("waiter {i}: woken by notify_one");
        }));
    }
    yield_now().await;
    notify.notify_one();
    yield_now().await;
    notify.notify_one();
    for handle in handles {
        handle.await.unwrap();
    }
}
