// Deadlock: main awaits a oneshot whose Sender is still alive but never used. Nothing can ever
// wake main, so real tokio hangs forever (the runtime parks with no timers and no I/O).
use tokio::sync::oneshot;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = oneshot::channel::<u32>();
    println!("main: waiting for a value that never comes");
    let value = rx.await;
    println!("never printed: {:?}", value);
    drop(tx);
}
