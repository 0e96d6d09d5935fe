// watch keeps only the latest value: sends made while the receiver is not looking are coalesced.
// changed() waits for a version the receiver has not seen; borrow_and_update() marks it seen.
use tokio::sync::watch;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = watch::channel(0u32);
    println!("initial value {}", *rx.borrow());
    let watcher = tokio::spawn(async move {
        while rx.changed().await.is_ok() {
            let v = *rx.borrow_and_update();
            println!("watcher: saw {v}");
        }
        println!("watcher: sender dropped, changed() returned Err");
    });
    tx.send(1).unwrap();
    tx.send(2).unwrap();
    tx.send(3).unwrap();
    println!("main: sent 1, 2, 3 without yielding");
    yield_now().await;
    tx.send(4).unwrap();
    println!("main: sent 4");
    yield_now().await;
    println!("main: current value via sender borrow {}", *tx.borrow());
    drop(tx);
    watcher.await.unwrap();
}
