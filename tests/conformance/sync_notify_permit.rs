// notify_one() with no waiter stores a single permit, which the next notified().await consumes
// at once. Two notify_one() calls still store only ONE permit: the second wait times out.
use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::timeout;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let notify = Notify::new();
    notify.notify_one();
    notify.notified().await;
    println!("first wait completed immediately (permit was stored)");

    notify.notify_one();
    notify.notify_one();
    notify.notified().await;
    println!("second wait completed (one permit)");
    let third = timeout(Duration::from_millis(10), notify.notified()).await;
    println!("third wait timed out: {}", third.is_err());
}
