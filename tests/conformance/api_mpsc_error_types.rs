// Every mpsc error is a real type to match and destructure: SendError(v) hands the value back,
// TrySendError::{Full(v), Closed(v)}, TryRecvError::{Empty, Disconnected}; shown with {} and {:?}.
use tokio::sync::mpsc;
use tokio::sync::mpsc::error::{SendError, TryRecvError, TrySendError};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(1);
    match rx.try_recv() {
        Err(TryRecvError::Empty) => println!("try_recv on empty: Empty"),
        other => println!("unexpected: {other:?}"),
    }
    tx.try_send(String::from("one")).unwrap();
    match tx.try_send(String::from("two")) {
        Err(TrySendError::Full(v)) => println!("try_send: Full, got back {v:?}"),
        other => println!("unexpected: {other:?}"),
    }
    let e = tx.try_send(String::from("three")).unwrap_err();
    println!("Display: {e} | Debug: {e:?}");
    println!("recv: {:?}", rx.recv().await);
    drop(rx);
    if let Err(SendError(v)) = tx.send(String::from("lost")).await {
        println!("send after the receiver dropped: SendError({v:?})");
    }
    let e = tx.send(String::from("again")).await.unwrap_err();
    println!("Display: {e} | Debug: {e:?}");
    match tx.try_send(String::from("late")) {
        Err(TrySendError::Closed(v)) => println!("try_send: Closed, got back {v}"),
        other => println!("unexpected: {other:?}"),
    }

    let (tx2, mut rx2) = mpsc::unbounded_channel::<u8>();
    tx2.send(7).unwrap();
    drop(tx2);
    println!("buffered value still arrives: {:?}", rx2.try_recv());
    let e = rx2.try_recv().unwrap_err();
    println!("then: {e:?} / {e} / is Disconnected: {}", e == TryRecvError::Disconnected);
}
