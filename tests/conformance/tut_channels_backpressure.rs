// Tokio tutorial (channels): futures are lazy, so `async_op()` without .await does nothing; and a
// bounded channel applies backpressure: with capacity 2 the producer waits for the slow consumer.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{sleep, Instant};

async fn async_op(n: u32) -> u32 {
    println!("async_op({n}) runs");
    n
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    for i in 0..3 {
        let _ = async_op(i); // creates a future and drops it: nothing runs
    }
    println!("loop without .await: nothing ran");
    for i in 0..2 {
        // Will not repeat until `async_op` completes
        async_op(i).await;
    }

    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel::<u32>(2);
    let producer = tokio::spawn(async move {
        for i in 1..=5 {
            tx.send(i).await.unwrap();
            println!("[{:>3}ms] sent {i}, capacity left {}", start.elapsed().as_millis(), tx.capacity());
        }
    });
    while let Some(v) = rx.recv().await {
        println!("[{:>3}ms] received {v}", start.elapsed().as_millis());
        sleep(Duration::from_millis(100)).await;
    }
    producer.await.unwrap();
    println!("done at {}ms", start.elapsed().as_millis());
}
