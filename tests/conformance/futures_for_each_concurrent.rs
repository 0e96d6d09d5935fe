// StreamExt::for_each_concurrent(limit, f): at most `limit` of the closures' futures run at once; a
// new item is pulled only when one finishes. With a paused clock the start/finish order shows the
// window of 2 moving along; `None` as the limit runs them all at once.
use futures::stream::{self, StreamExt};
use std::time::Duration;
use tokio::time::Instant;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    stream::iter(vec![40u64, 10, 30, 20])
        .for_each_concurrent(2, |ms| async move {
            println!("start {} at {}ms", ms, start.elapsed().as_millis());
            tokio::time::sleep(Duration::from_millis(ms)).await;
            println!("done {} at {}ms", ms, start.elapsed().as_millis());
        })
        .await;
    println!("limit 2 took {}ms", start.elapsed().as_millis());

    let start = Instant::now();
    stream::iter(1..=3u64)
        .for_each_concurrent(None, |n| async move {
            tokio::time::sleep(Duration::from_millis(10 * n)).await;
        })
        .await;
    println!("no limit took {}ms", start.elapsed().as_millis());
}
