// tokio's mpsc: `rx.close()` stops new sends but does not disconnect the channel. While a Sender is
// alive, `try_recv` on the drained channel is `Empty`; only when the last Sender is dropped does it
// become `Disconnected`.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();
    rx.close();
    match tx.send(3).await {
        Ok(()) => println!("send after close: ok?"),
        Err(e) => println!("send after close: {e} (value {} handed back)", e.0),
    }
    println!("buffered: {:?}", rx.try_recv());
    println!("buffered: {:?}", rx.try_recv());
    match rx.try_recv() {
        Ok(v) => println!("unexpected {v}"),
        Err(e) => println!("drained, sender alive: {e:?} / {e}"),
    }
    println!("recv after close: {:?}", rx.recv().await);
    drop(tx);
    match rx.try_recv() {
        Ok(v) => println!("unexpected {v}"),
        Err(e) => println!("sender dropped: {e:?} / {e}"),
    }
}
