// Seed example (executors notes): heavy synchronous work goes to tokio's blocking pool with
// spawn_blocking, so the executor keeps running other tasks meanwhile.
use std::time::Duration;

fn heavy_sum(n: u64) -> u64 {
    std::thread::sleep(Duration::from_millis(300)); // stands in for a long computation
    (1..=n).map(|i| i * i * i).sum()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ticker = tokio::spawn(async {
        for i in 1..=3 {
            println!("tick {i}: the executor is free");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
    let heavy = tokio::task::spawn_blocking(|| heavy_sum(20_001));
    println!("heavy work handed to the blocking pool");
    let total = heavy.await.unwrap();
    println!("sum of cubes up to 20001 = {total}");
    ticker.await.unwrap();
    println!("both done");
}
