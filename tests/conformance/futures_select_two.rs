// `futures::future::select` of two futures: the first to finish wins (Either::Left or Right);
// the other is handed back unfinished. With both ready at once, the left one wins.
use futures::future::{self, Either};
use std::time::Duration;
use tokio::time::sleep;

async fn work(name: &'static str, ms: u64) -> String {
    sleep(Duration::from_millis(ms)).await;
    format!("{name} after {ms}ms")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let a = Box::pin(work("a", 30));
    let b = Box::pin(work("b", 20));
    match future::select(a, b).await {
        Either::Left((v, _)) => println!("left: {v}"),
        Either::Right((v, _other)) => println!("right: {v}"),
    }
    let x = future::ready(1);
    let y = future::ready(2);
    match future::select(x, y).await {
        Either::Left((v, _)) => println!("both ready, left wins with {v}"),
        Either::Right((v, _)) => println!("right wins with {v}"),
    }
    let t = Box::pin(sleep(Duration::from_millis(5)));
    let w = Box::pin(work("w", 50));
    let r = future::select(t, w).await;
    println!("timeout first: {}", matches!(r, Either::Left(_)));
}
