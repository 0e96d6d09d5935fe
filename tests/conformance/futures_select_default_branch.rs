// select! with `default =>`: the branches are polled once and, if none is ready, the default
// branch runs at once instead of waiting. A oneshot receiver is not fused, so it is `.fuse()`d; the
// default branch yields to let the spawned sender run.
use futures::{select, FutureExt};
use tokio::sync::oneshot;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = oneshot::channel::<&str>();
    tokio::spawn(async move {
        println!("sender runs");
        tx.send("hello").unwrap();
    });
    let mut rx = rx.fuse();
    let mut misses = 0;
    loop {
        select! {
            msg = rx => {
                println!("got {:?} after {} misses", msg, misses);
                break;
            }
            default => {
                misses += 1;
                println!("nothing ready yet");
                tokio::task::yield_now().await;
            }
        }
    }
}
