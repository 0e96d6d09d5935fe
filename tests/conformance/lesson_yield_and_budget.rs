// Lesson program (src/lessons/programs/yield-and-budget.rs): yield_now, the defer list and the coop budget.
// greedy drains an always-ready channel; after 128 recvs its budget is spent and recv returns Pending,
// so polite runs once. polite's yield_now defers it until the run queue is empty: greedy finishes first.
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // All the messages are queued before anyone reads, so every recv below is ready at once.
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    for i in 0..300 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let received = Arc::new(Mutex::new(0));
    let count = received.clone();
    let greedy = tokio::spawn(async move {
        while let Some(_message) = rx.recv().await {
            *count.lock().unwrap() += 1;
        }
        println!("greedy: channel empty after {} messages", *count.lock().unwrap());
    });
    let polite = tokio::spawn(async move {
        for turn in 1..=3 {
            println!("polite: turn {turn}, greedy has {} so far", *received.lock().unwrap());
            yield_now().await;
        }
    });
    greedy.await.unwrap();
    polite.await.unwrap();
}
