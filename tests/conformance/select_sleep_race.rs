// select! between two sleeps: the earlier deadline wins no matter which branch select! polls first,
// and the losing branch's future is dropped. Here the loser owns a oneshot Sender, so its
// receiver sees Err(RecvError) once the select! finishes.
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (tx, rx) = oneshot::channel::<String>();
    let slow = async move {
        sleep(Duration::from_millis(50)).await;
        tx.send("slow branch finished".to_string()).unwrap();
        "slow"
    };
    let fast = async {
        sleep(Duration::from_millis(20)).await;
        "fast"
    };
    let winner = tokio::select! {
        w = slow => w,
        w = fast => w,
    };
    println!("winner: {winner} at {}ms", start.elapsed().as_millis());
    println!("loser's channel: {:?}", rx.await);
}
