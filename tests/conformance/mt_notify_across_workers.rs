// multi_thread, 3 workers: waiters on other workers start waiting 20ms apart; notify_waiters()
// wakes all of them (storing no permit), a later notified() still waits, and notify_one() wakes
// it. Waiters report through their JoinHandles, so the output does not depend on the workers.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "multi_thread", worker_threads = 3)]
async fn main() {
    let notify = Arc::new(Notify::new());
    let start = Instant::now();
    let mut handles = Vec::new();
    for i in 1..=3 {
        let notify = notify.clone();
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(i * 20)).await;
            notify.notified().await;
            i
        }));
    }
    sleep(Duration::from_millis(120)).await;
    println!("main: notify_waiters");
    notify.notify_waiters();
    for handle in handles {
        println!("main: waiter {} was woken", handle.await.unwrap());
    }
    let late_notify = notify.clone();
    let late = tokio::spawn(async move {
        late_notify.notified().await;
        start.elapsed() >= Duration::from_millis(200)
    });
    sleep(Duration::from_millis(80)).await;
    println!("main: late waiter still waiting: {}", !late.is_finished());
    notify.notify_one();
    println!("main: late waiter woken by notify_one after 200ms: {}", late.await.unwrap());
}
