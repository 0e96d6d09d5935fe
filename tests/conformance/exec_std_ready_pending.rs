// std's smallest futures: `std::future::ready(v)` completes on its first poll, and `pending()` never
// does; a timeout is the only way out of awaiting `pending()`.
use std::future::{pending, ready};
use std::time::Duration;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let v = ready(7).await;
    println!("ready gave {v}");
    let futs = vec![ready("a"), ready("b")];
    for f in futs {
        println!("from a Vec of Ready futures: {}", f.await);
    }
    let never = pending::<u32>();
    match tokio::time::timeout(Duration::from_secs(1), never).await {
        Ok(v) => println!("pending finished with {v}?"),
        Err(_) => println!("pending() was still pending after 1s"),
    }
    let task = tokio::spawn(pending::<()>());
    tokio::task::yield_now().await;
    println!("task awaiting pending() is finished: {}", task.is_finished());
    task.abort();
    println!("aborted: {}", task.await.unwrap_err().is_cancelled());
}
