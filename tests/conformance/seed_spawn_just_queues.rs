// Seed example (runtime notes, spawn): spawn only puts the future on the run queue and returns a
// JoinHandle. On the current-thread runtime nothing runs until main yields; then tasks run in order.
use tokio::task::JoinHandle;

async fn work(id: u32) -> u32 {
    println!("task {id} runs");
    tokio::task::yield_now().await;
    println!("task {id} resumes");
    id * 10
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles: Vec<JoinHandle<u32>> = Vec::new();
    for id in 1..=3 {
        handles.push(tokio::spawn(work(id)));
        println!("spawned task {id}");
    }
    println!("main has not yielded yet; is_finished: {}", handles[0].is_finished());
    tokio::task::yield_now().await;
    println!("main resumed after one yield");
    let mut results = Vec::new();
    for h in handles {
        results.push(h.await.unwrap());
    }
    println!("results: {:?}", results);
}
