// oneshot: a value sent before the receiver is awaited is kept; a value sent later wakes the
// waiting receiver; a sender dropped unused gives Err(RecvError); send to a dropped receiver is Err.
use tokio::sync::oneshot;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = oneshot::channel::<u32>();
    tx.send(1).unwrap();
    println!("sent before await, received {:?}", rx.await);

    let (tx, rx) = oneshot::channel::<u32>();
    tokio::spawn(async move {
        println!("task: sending 2");
        tx.send(2).unwrap();
    });
    println!("main: waiting");
    println!("sent after await, received {:?}", rx.await);

    let (tx, rx) = oneshot::channel::<u32>();
    drop(tx);
    match rx.await {
        Ok(v) => println!("unexpected {v}"),
        Err(e) => println!("sender dropped: {:?} / {}", e, e),
    }

    let (tx, rx) = oneshot::channel::<u32>();
    drop(rx);
    println!("send to dropped receiver: {:?}", tx.send(4));
}
