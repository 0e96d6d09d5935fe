// An async block is a future like any other: inside a tokio task, `poll_fn` polls a pinned boxed async
// block step by step with `as_mut().poll(cx)`, showing Pending at each .await that is not ready yet.
use std::future::{poll_fn, Future};
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut inner = Box::pin(async move {
        println!("  inner: step 1");
        sleep(Duration::from_millis(100)).await;
        println!("  inner: step 2");
        tokio::task::yield_now().await;
        println!("  inner: step 3");
        sleep(Duration::from_millis(50)).await;
        "inner result"
    });
    let mut polls = 0;
    let out = poll_fn(|cx| {
        polls += 1;
        let r = inner.as_mut().poll(cx);
        let state = if r.is_ready() { "Ready" } else { "Pending" };
        println!("poll {polls} at {}ms: {state}", start.elapsed().as_millis());
        r
    })
    .await;
    println!("outer got {out:?}");
}
