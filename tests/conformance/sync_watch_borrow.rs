// borrow() reads the current value WITHOUT marking it seen, so changed() still completes at
// once; borrow_and_update() marks it seen, so the next changed() waits for a new send.
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::{sleep, timeout};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = watch::channel("first");
    tx.send("second").unwrap();
    println!("borrow: {}", *rx.borrow());
    println!("changed after borrow: {:?}", rx.changed().await.is_ok());
    println!("borrow_and_update: {}", *rx.borrow_and_update());
    let waited = timeout(Duration::from_millis(10), rx.changed()).await;
    println!("changed after borrow_and_update timed out: {}", waited.is_err());
    tokio::spawn(async move {
        sleep(Duration::from_millis(5)).await;
        tx.send("third").unwrap();
        println!("sender: sent third");
    });
    rx.changed().await.unwrap();
    println!("changed -> {}", *rx.borrow());
}
