// Coop budget: each task poll gets 128 budget units and every successful mpsc recv spends one. A
// task draining an always-ready channel is preempted after 128 messages so another task can run.
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    for i in 0..300 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let received = Arc::new(Mutex::new(0u32));
    let counter = received.clone();
    let consumer = tokio::spawn(async move {
        while let Some(_v) = rx.recv().await {
            *counter.lock().unwrap() += 1;
        }
        println!("consumer: channel closed after {} messages", *counter.lock().unwrap());
    });
    let observer = tokio::spawn(async move {
        for step in 1..=3 {
            println!("observer step {step}: consumer has received {}", *received.lock().unwrap());
            yield_now().await;
        }
    });
    consumer.await.unwrap();
    observer.await.unwrap();
}
