// oneshot and watch errors: oneshot send returns Err(value) when the receiver is gone; awaiting a
// receiver whose sender dropped gives RecvError; try_recv says Empty or Closed. watch: send fails with
// SendError when all receivers dropped, and changed() fails once the sender is gone.
use tokio::sync::oneshot::error::TryRecvError;
use tokio::sync::{oneshot, watch};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = oneshot::channel::<String>();
    drop(rx);
    match tx.send(String::from("hello")) {
        Ok(()) => println!("sent?"),
        Err(v) => println!("oneshot send failed, value returned: {v}"),
    }

    let (tx, mut rx) = oneshot::channel::<u8>();
    match rx.try_recv() {
        Err(TryRecvError::Empty) => println!("try_recv: Empty"),
        other => println!("try_recv: {other:?}"),
    }
    drop(tx);
    match rx.try_recv() {
        Err(TryRecvError::Closed) => println!("try_recv after sender dropped: Closed"),
        other => println!("try_recv: {other:?}"),
    }
    let (tx, rx) = oneshot::channel::<u8>();
    drop(tx);
    let e = rx.await.unwrap_err();
    println!("await: {e} / {e:?}");

    let (wtx, mut wrx) = watch::channel(0u32);
    wtx.send(1).unwrap();
    wrx.changed().await.unwrap();
    println!("watch value: {}", *wrx.borrow());
    drop(wtx);
    let e = wrx.changed().await.unwrap_err();
    println!("changed after sender dropped: {e} / {e:?}");
    let (wtx, wrx) = watch::channel("a");
    drop(wrx);
    let e = wtx.send("b").unwrap_err();
    println!("watch send without receivers: {e} / {e:?} / value {}", e.0);
    println!("sender still holds: {}", *wtx.borrow());
}
