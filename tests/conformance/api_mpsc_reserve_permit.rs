// Bounded mpsc with reserve: `reserve().await` waits for a free slot and returns a Permit that
// sends without awaiting; `try_reserve` fails with Full while the only slot is taken.
use tokio::sync::mpsc;
use tokio::sync::mpsc::error::TrySendError;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<&str>(1);
    let permit = tx.reserve().await.unwrap();
    println!("reserved the only slot; capacity now {}", tx.capacity());
    match tx.try_reserve() {
        Ok(_) => println!("second try_reserve ok?"),
        Err(TrySendError::Full(())) => println!("try_reserve: Full"),
        Err(TrySendError::Closed(())) => println!("try_reserve: Closed"),
    }
    let tx2 = tx.clone();
    let waiter = tokio::spawn(async move {
        println!("waiter: reserving");
        let p = tx2.reserve().await.unwrap();
        println!("waiter: got a permit");
        p.send("from the waiter");
    });
    tokio::task::yield_now().await;
    permit.send("from main's permit");
    println!("main: sent with the permit");
    println!("recv: {:?}", rx.recv().await);
    println!("recv: {:?}", rx.recv().await);
    waiter.await.unwrap();
    drop(tx);
    let owned = {
        let (otx, orx) = mpsc::channel::<u8>(1);
        drop(orx);
        otx.reserve_owned().await.is_err()
    };
    println!("reserve_owned on a closed channel is err: {owned}");
}
