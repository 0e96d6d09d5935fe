// `join_all` of spawned JoinHandles: the tasks run concurrently on the runtime, and join_all
// returns every Result in the order of the handles, including a task that panicked.
use futures::future::join_all;
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut handles = Vec::new();
    for i in 0..4u64 {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(100 - i * 20)).await;
            println!("task {i} done at {}ms", start.elapsed().as_millis());
            i * 10
        }));
    }
    let results = join_all(handles).await;
    for r in &results {
        println!("{:?}", r);
    }
    let total: u64 = results.into_iter().map(|r| r.unwrap()).sum();
    println!("total {total} at {}ms", start.elapsed().as_millis());
    let bad = tokio::spawn(async { panic!("boom") });
    let good = tokio::spawn(async { 7 });
    let rs = join_all(vec![bad, good]).await;
    println!("first is_err: {}, second: {:?}", rs[0].is_err(), rs[1].as_ref().ok());
}
