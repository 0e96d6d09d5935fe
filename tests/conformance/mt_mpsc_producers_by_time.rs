// multi_thread, 3 workers: three producers on different tasks send to one bounded mpsc channel,
// 60ms apart. The consumer receives in send order whatever worker each task is on, and sees the
// channel close once every Sender is dropped; it sends its total back to main on a oneshot.
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep;

#[tokio::main(flavor = "multi_thread", worker_threads = 3)]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u64>(1);
    for id in vec![3, 1, 2] {
        let tx = tx.clone();
        tokio::spawn(async move {
            sleep(Duration::from_millis(id * 60)).await;
            tx.send(id).await.unwrap();
            sleep(Duration::from_millis(200)).await;
            tx.send(id * 100).await.unwrap();
        });
    }
    drop(tx);
    let (total_tx, total_rx) = oneshot::channel::<u64>();
    tokio::spawn(async move {
        let mut total = 0;
        while let Some(value) = rx.recv().await {
            println!("consumer: got {value}");
            total += value;
        }
        println!("consumer: channel closed");
        total_tx.send(total).unwrap();
    });
    println!("main: total {}", total_rx.await.unwrap());
}
