// A broadcast receiver that falls more than `capacity` values behind gets Err(Lagged(n)) with
// the number of values it missed, then continues from the oldest value still in the buffer.
use tokio::sync::broadcast;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = broadcast::channel::<u32>(2);
    for v in 0..5 {
        tx.send(v).unwrap();
    }
    println!("sent 0..5 into a channel of capacity 2");
    for _ in 0..3 {
        println!("recv: {:?}", rx.recv().await);
    }
    drop(tx);
    println!("after sender dropped: {:?}", rx.recv().await);
}
