// Seed example (async in depth): a delay built on tokio's Notify instead of a hand-made Waker: a std
// thread sleeps, then calls notify_one(); the async fn awaits notified(). Other tasks run meanwhile.
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};
use tokio::sync::Notify;

async fn delay(dur: Duration) {
    let when = Instant::now() + dur;
    let notify = Arc::new(Notify::new());
    let notify_clone = notify.clone();

    thread::spawn(move || {
        let now = Instant::now();
        if now < when {
            thread::sleep(when - now);
        }
        notify_clone.notify_one();
    });

    notify.notified().await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let other = tokio::spawn(async {
        println!("another task runs while main waits");
    });
    delay(Duration::from_millis(100)).await;
    println!("delay done; waited 100ms or more: {}", start.elapsed() >= Duration::from_millis(100));
    other.await.unwrap();

    // notify_one() before anyone waits stores a permit: the next notified() completes at once.
    let notify = Notify::new();
    notify.notify_one();
    notify.notified().await;
    println!("a stored permit completed notified() immediately");
}
