// tokio::sync::Mutex is fair: tasks waiting for the lock get it in the order they asked, and a
// guard can be held across an .await (here a yield) without blocking the thread.
use std::sync::Arc;
use tokio::sync::Mutex;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    let guard = log.lock().await;
    let mut handles = Vec::new();
    for i in 1..=3 {
        let log = log.clone();
        handles.push(tokio::spawn(async move {
            println!("task {i}: waiting for the lock");
            let mut entries = log.lock().await;
            println!("task {i}: got the lock");
            entries.push(i);
            yield_now().await;
            println!("task {i}: releasing after yield");
        }));
    }
    yield_now().await;
    println!("main: releasing the lock");
    drop(guard);
    for handle in handles {
        handle.await.unwrap();
    }
    println!("order in log: {:?}", *log.lock().await);
}
