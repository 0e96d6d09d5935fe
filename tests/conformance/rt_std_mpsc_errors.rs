// The errors of std::sync::mpsc: sending to a dropped receiver gives the value back in SendError;
// receiving from a channel whose senders are gone is RecvError; a full sync_channel refuses try_send.
use std::sync::mpsc;

fn main() {
    let (tx, rx) = mpsc::channel::<String>();
    drop(rx);
    let err = tx.send(String::from("lost letter")).unwrap_err();
    println!("send: {err} / {err:?} / value back: {}", err.0);

    let (tx, rx) = mpsc::channel::<u8>();
    tx.send(7).unwrap();
    drop(tx);
    println!("first recv: {:?}", rx.recv());
    let e = rx.recv().unwrap_err();
    println!("second recv: {e} / {e:?}");

    let (stx, srx) = mpsc::sync_channel::<u8>(1);
    println!("try_send 1: {:?}", stx.try_send(1));
    match stx.try_send(2) {
        Ok(()) => println!("try_send 2: ok?"),
        Err(mpsc::TrySendError::Full(v)) => println!("try_send 2: full, got {v} back"),
        Err(mpsc::TrySendError::Disconnected(v)) => println!("try_send 2: disconnected, got {v} back"),
    }
    let e = stx.try_send(3).unwrap_err();
    println!("{e} / {e:?}");
    drop(srx);
    let e = stx.try_send(4).unwrap_err();
    println!("{e} / {e:?}");
}
