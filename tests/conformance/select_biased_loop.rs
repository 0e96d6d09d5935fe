// select! in a loop with `biased;`: branches are tried top to bottom, so while `high` has messages
// it always wins. Patterns `Some(v) = rx.recv()` disable a branch once its channel is closed.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (high_tx, mut high) = mpsc::unbounded_channel::<u32>();
    let (low_tx, mut low) = mpsc::unbounded_channel::<u32>();
    for i in 0..3 {
        high_tx.send(i).unwrap();
        low_tx.send(100 + i).unwrap();
    }
    drop(high_tx);
    drop(low_tx);
    loop {
        tokio::select! {
            biased;
            Some(v) = high.recv() => println!("high {v}"),
            Some(v) = low.recv() => println!("low {v}"),
            else => {
                println!("both channels closed");
                break;
            }
        }
    }
}
