// select! `if` guards are evaluated before polling; a branch whose guard is false is not polled
// at all. When every branch is disabled, the `else` branch runs.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(8);
    for i in 1..=5 {
        tx.send(i).await.unwrap();
    }
    let mut taken = 0;
    let limit = 3;
    loop {
        tokio::select! {
            Some(v) = rx.recv(), if taken < limit => {
                taken += 1;
                println!("took {v} ({taken} of {limit})");
            }
            else => {
                println!("guard disabled the only branch, else runs");
                break;
            }
        }
    }
    println!("left in channel: {:?} {:?}", rx.recv().await, rx.recv().await);
    drop(tx);
    println!("after drop: {:?}", rx.recv().await);
}
