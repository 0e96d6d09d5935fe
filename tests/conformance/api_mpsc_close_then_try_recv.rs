// `rx.close()` stops new sends, but buffered values can still be received. While a sender is still
// alive, try_recv on the drained channel returns Empty in tokio 1.24 (not Disconnected), and recv
// returns None; only once every sender is dropped does try_recv say Disconnected.
use tokio::sync::mpsc;
use tokio::sync::mpsc::error::TryRecvError;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();
    rx.close();
    println!("sender sees closed: {}", tx.is_closed());
    match tx.send(3).await {
        Ok(()) => println!("send after close: ok"),
        Err(e) => println!("send after close: {e}, value {}", e.0),
    }
    println!("try_recv: {:?}", rx.try_recv());
    println!("recv: {:?}", rx.recv().await);
    match rx.try_recv() {
        Ok(v) => println!("try_recv: Ok({v})"),
        Err(TryRecvError::Empty) => println!("try_recv after draining, sender alive: Empty"),
        Err(TryRecvError::Disconnected) => {
            println!("try_recv after draining, sender alive: Disconnected")
        }
    }
    println!("recv on closed and drained: {:?}", rx.recv().await);
    drop(tx);
    match rx.try_recv() {
        Err(TryRecvError::Empty) => println!("after dropping the sender: Empty"),
        Err(TryRecvError::Disconnected) => println!("after dropping the sender: Disconnected"),
        Ok(v) => println!("after dropping the sender: Ok({v})"),
    }
}
