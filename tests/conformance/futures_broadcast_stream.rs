// BroadcastStream turns a broadcast Receiver into a Stream of Result<T, BroadcastStreamRecvError>:
// each subscriber sees every message; a subscriber that falls behind gets a Lagged error.
use std::time::Duration;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, rx1) = broadcast::channel::<u32>(8);
    let rx2 = tx.subscribe();
    let a = tokio::spawn(async move {
        let mut s = BroadcastStream::new(rx1);
        while let Some(item) = s.next().await {
            println!("a got {:?}", item);
        }
        println!("a: stream ended");
    });
    let b = tokio::spawn(async move {
        let doubled: Vec<u32> = BroadcastStream::new(rx2).map(|r| r.unwrap() * 2).collect().await;
        println!("b collected {:?}", doubled);
    });
    for i in 1..=3 {
        tx.send(i).unwrap();
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    drop(tx);
    a.await.unwrap();
    b.await.unwrap();

    let (tx, rx) = broadcast::channel::<u32>(2);
    for i in 0..5 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let mut s = BroadcastStream::new(rx);
    while let Some(item) = s.next().await {
        match item {
            Ok(v) => println!("late reader got {v}"),
            Err(e) => println!("late reader error: {e} / {:?}", e),
        }
    }
}
