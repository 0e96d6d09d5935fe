// A JoinSet collecting results of blocking work: each task awaits spawn_blocking (JoinSet in tokio
// 1.24 has no spawn_blocking of its own); results are collected, then sorted, and the set drained.
use std::time::Duration;
use tokio::task::JoinSet;

fn slow_square(n: u64) -> u64 {
    std::thread::sleep(Duration::from_millis(20 * n));
    n * n
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut set: JoinSet<u64> = JoinSet::new();
    println!("empty set: join_next is None? {}", set.join_next().await.is_none());
    for n in 1..=4u64 {
        set.spawn(async move { tokio::task::spawn_blocking(move || slow_square(n)).await.unwrap() });
    }
    let mut results = Vec::new();
    while let Some(r) = set.join_next().await {
        results.push(r.unwrap());
    }
    results.sort();
    println!("squares: {results:?}");
    println!("sum: {}", results.iter().sum::<u64>());
}
