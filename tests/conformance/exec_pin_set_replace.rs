// `Pin::set` replaces a pinned future in place: a boxed, pinned sleep is swapped for a new one after
// each round of a select! loop, so the loop keeps a single deadline that it resets by hand.
use std::pin::Pin;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{sleep, Instant, Sleep};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    tokio::spawn(async move {
        for (i, ms) in [30u64, 30, 200].iter().enumerate() {
            sleep(Duration::from_millis(*ms)).await;
            if tx.send(i as u32).await.is_err() {
                break;
            }
        }
    });
    let mut idle: Pin<Box<Sleep>> = Box::pin(sleep(Duration::from_millis(100)));
    loop {
        tokio::select! {
            biased;
            Some(v) = rx.recv() => {
                println!("message {v} at {}ms, restarting the idle timer", start.elapsed().as_millis());
                idle.set(sleep(Duration::from_millis(100)));
            }
            _ = idle.as_mut() => {
                println!("idle for 100ms at {}ms, giving up", start.elapsed().as_millis());
                break;
            }
        }
    }
}
