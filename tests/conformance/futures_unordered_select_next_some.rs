// The futures idiom for "handle results as they finish, with a deadline": a FuturesUnordered polled
// by select_next_some() inside futures::select!, next to a fused timeout. Once every job is done the
// FuturesUnordered is terminated and its branch is skipped; `complete =>` would need the timeout to
// be terminated too, so the loop ends at the timeout. Jobs pushed later make it live again.
use futures::future::FutureExt;
use futures::select;
use futures::stream::{FusedStream, FuturesUnordered, StreamExt};
use std::time::Duration;

async fn job(ms: u64) -> u64 {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    ms
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut jobs = FuturesUnordered::new();
    for ms in [30, 10, 20] {
        jobs.push(job(ms));
    }
    let mut timeout = Box::pin(tokio::time::sleep(Duration::from_millis(100))).fuse();
    let mut done = Vec::new();
    loop {
        select! {
            ms = jobs.select_next_some() => done.push(ms),
            _ = timeout => { println!("timeout"); break; }
            complete => { println!("all complete"); break; }
        }
    }
    println!("{:?} terminated: {}", done, jobs.is_terminated());
    jobs.push(job(5));
    println!("after push terminated: {}", jobs.is_terminated());
    println!("{:?}", jobs.next().await);
    loop {
        select! {
            ms = jobs.select_next_some() => println!("late {}", ms),
            complete => { println!("all complete"); break; }
        }
    }
}
