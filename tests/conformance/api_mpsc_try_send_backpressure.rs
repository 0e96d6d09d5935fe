// A producer that must not wait: `try_send` on a small channel, matching on the error to count
// dropped messages (Full) and to stop when the consumer is gone (Closed).
use tokio::sync::mpsc::{self, error::TrySendError};
use std::time::Duration;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(3);
    let consumer = tokio::spawn(async move {
        let mut got = Vec::new();
        while let Some(v) = rx.recv().await {
            got.push(v);
            tokio::time::sleep(Duration::from_millis(25)).await;
            if got.len() == 5 {
                println!("consumer: had enough");
                break;
            }
        }
        got
    });
    let mut dropped = 0;
    for i in 0..20u32 {
        match tx.try_send(i) {
            Ok(()) => println!("sent {i} (capacity left {})", tx.capacity()),
            Err(TrySendError::Full(v)) => {
                dropped += 1;
                println!("full, dropped {v}");
            }
            Err(TrySendError::Closed(v)) => {
                println!("closed, {v} not sent; stopping");
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    println!("dropped {dropped}");
    println!("consumer got {:?}", consumer.await.unwrap());
    let err = tx.try_send(99).unwrap_err();
    println!("after the consumer ended: {err} / {err:?} / closed: {}", tx.is_closed());
    match tx.send(100).await {
        Err(mpsc::error::SendError(v)) => println!("send gives the value back: {v}"),
        Ok(()) => println!("sent?"),
    }
}
