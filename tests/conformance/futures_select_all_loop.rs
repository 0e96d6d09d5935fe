// future::select_all over boxed futures: it returns the first to finish, its index in the Vec, and the
// others (the winner swap_removed, so the last one moves into its slot). Looping on the rest handles
// every result in the order they finish.
use futures::future::{self, BoxFuture, FutureExt};
use std::time::Duration;

async fn fetch(name: &'static str, ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    format!("{} after {}ms", name, ms)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut pending: Vec<BoxFuture<'static, String>> = vec![
        fetch("a", 30).boxed(),
        fetch("b", 10).boxed(),
        fetch("c", 40).boxed(),
        fetch("d", 20).boxed(),
    ];
    while !pending.is_empty() {
        let (result, index, rest) = future::select_all(pending).await;
        println!("{} (index {}, {} left)", result, index, rest.len());
        pending = rest;
    }
    let (v, i, _) = future::select_all(vec![future::ready(1), future::ready(2)]).await;
    println!("both ready: {} at {}", v, i);
}
