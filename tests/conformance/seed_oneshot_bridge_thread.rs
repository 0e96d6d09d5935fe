// Seed example (tokio notes, util): a oneshot channel bridges the sync and async worlds — a std
// thread sends to an awaiting task, and a task sends to a thread that uses blocking_recv().
use tokio::sync::oneshot;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = oneshot::channel::<u64>();
    std::thread::spawn(move || {
        let product: u64 = (1..=20).product();
        tx.send(product).unwrap();
    });
    println!("20! = {}", rx.await.unwrap());

    let (tx, rx) = oneshot::channel::<String>();
    let thread = std::thread::spawn(move || {
        let msg = rx.blocking_recv().unwrap();
        println!("thread got {msg:?}");
        msg.len()
    });
    tx.send("from async".to_string()).unwrap();
    let len = tokio::task::spawn_blocking(move || thread.join().unwrap()).await.unwrap();
    println!("thread returned {len}");

    let (tx, rx) = oneshot::channel::<()>();
    drop(tx);
    match rx.await {
        Ok(()) => println!("got ()"),
        Err(e) => println!("sender dropped: {e}"),
    }
}
