// broadcast errors: a slow receiver gets RecvError::Lagged(n) with the number of missed values, then
// continues from the oldest kept one; after every sender drops it gets Closed. try_recv reports
// TryRecvError::{Empty, Lagged(n), Closed}; send with no receivers returns SendError(v).
use tokio::sync::broadcast;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = broadcast::channel::<u32>(2);
    let mut rx2 = tx.subscribe();
    println!("try_recv empty: {:?}", rx2.try_recv());
    for v in 1..=5 {
        tx.send(v).unwrap();
    }
    loop {
        match rx.recv().await {
            Ok(v) => println!("rx: {v}"),
            Err(RecvError::Lagged(n)) => println!("rx: lagged, skipped {n}"),
            Err(RecvError::Closed) => {
                println!("rx: closed");
                break;
            }
        }
        if rx.len() == 0 {
            break;
        }
    }
    match rx2.try_recv() {
        Err(TryRecvError::Lagged(n)) => println!("rx2 try_recv: Lagged({n})"),
        other => println!("rx2 try_recv: {other:?}"),
    }
    println!("rx2 then: {:?}", rx2.try_recv());
    let e = rx2.recv().await;
    println!("rx2 recv: {e:?}");
    drop(tx);
    let e = rx.recv().await.unwrap_err();
    println!("after the sender dropped: {e} / {e:?}");
    println!("try_recv: {:?}", rx2.try_recv());

    let (tx, rx) = broadcast::channel::<&str>(4);
    drop(rx);
    let e = tx.send("nobody listens").unwrap_err();
    println!("send without receivers: {e} / {e:?} / value {}", e.0);
}
