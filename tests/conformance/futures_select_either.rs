// `futures::future::select` races two pinned futures and returns Either::Left/Right with the winner's
// output and the loser, still pending, which can be awaited afterwards.
use futures::future::{self, Either};
use std::time::Duration;
use tokio::time::sleep;

async fn job(name: &'static str, ms: u64) -> &'static str {
    sleep(Duration::from_millis(ms)).await;
    println!("{name} finished");
    name
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let a = Box::pin(job("slow", 200));
    let b = Box::pin(job("fast", 50));
    match future::select(a, b).await {
        Either::Left((winner, _)) => println!("left won: {winner}"),
        Either::Right((winner, loser)) => {
            println!("right won: {winner}; awaiting the loser");
            let l = loser.await;
            println!("the loser finished later: {l}");
        }
    }
    let c = Box::pin(job("c", 10));
    let d = Box::pin(future::pending::<&str>());
    if let Either::Left((v, _)) = future::select(c, d).await {
        println!("pending never wins: {v}");
    }
}
