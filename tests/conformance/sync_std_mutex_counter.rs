// A std::sync::Mutex inside an Arc, shared by several tasks. The guard is only held between
// awaits (never across one), which is the correct way to use a blocking mutex in async code.
use std::sync::{Arc, Mutex};
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let counter = Arc::new(Mutex::new(0u32));
    let mut handles = Vec::new();
    for id in 0..4 {
        let counter = counter.clone();
        handles.push(tokio::spawn(async move {
            for _ in 0..3 {
                {
                    let mut n = counter.lock().unwrap();
                    *n += 1;
                    println!("task {id}: counter is now {}", *n);
                }
                yield_now().await;
            }
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    println!("final count {}", *counter.lock().unwrap());
}
