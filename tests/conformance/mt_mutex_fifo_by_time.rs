// multi_thread, 3 workers: tokio::sync::Mutex hands the lock to waiters in the order they asked
// (B at 50ms, C at 100ms), while A holds it across a 150ms sleep. Each task prints before it
// unlocks, so the order is fixed whichever worker runs which task.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::sleep;

#[tokio::main(flavor = "multi_thread", worker_threads = 3)]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    let mut handles = Vec::new();
    for (name, delay) in vec![("A", 0), ("B", 50), ("C", 100)] {
        let counter = counter.clone();
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(delay)).await;
            println!("{name}: asks for the lock");
            let mut guard = counter.lock().await;
            *guard += 1;
            println!("{name}: holds the lock, counter = {}", *guard);
            sleep(Duration::from_millis(150)).await;
            println!("{name}: unlocks");
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    println!("main: counter = {}", *counter.lock().await);
}
