// futures streams: `stream::iter` turns an iterator into a Stream, `unfold` builds one from a state
// and an async step; StreamExt adds map, filter, take and collect.
use futures::stream::{self, StreamExt};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut s = stream::iter(vec!["a", "b", "c"]);
    while let Some(x) = s.next().await {
        println!("iter: {x}");
    }

    let fib = stream::unfold((0u64, 1u64), |(a, b)| async move {
        if a > 50 {
            None
        } else {
            Some((a, (b, a + b)))
        }
    });
    let all: Vec<u64> = fib.collect().await;
    println!("fibonacci up to 50: {all:?}");

    let evens: Vec<u32> = stream::iter(1..=20)
        .filter(|n| futures::future::ready(n % 2 == 0))
        .map(|n| n * 10)
        .take(4)
        .collect()
        .await;
    println!("first four evens x10: {evens:?}");
    let count = stream::repeat(7).take(3).fold(0, |acc, x| async move { acc + x }).await;
    println!("fold: {count}");
}
