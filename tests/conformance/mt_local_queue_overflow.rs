// multi_thread, 1 worker, tokio 1.24: a task on the worker spawns 300 tasks. The newest sits in the
// LIFO slot; the local queue holds 256, and when it is full the OLDEST 128 move to the inject queue,
// which the worker checks first only every 61st tick. Each task prints when it does not run right after its predecessor.
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    // Let the worker start and park first, so its tick count is the same on every run.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let root = tokio::spawn(async {
        let last = Arc::new(Mutex::new(-1));
        let mut handles = Vec::new();
        for i in 0..300 {
            let last = last.clone();
            handles.push(tokio::spawn(async move {
                let mut prev = last.lock().unwrap();
                if *prev == -1 {
                    println!("T{i} runs first");
                } else if *prev + 1 != i {
                    println!("T{i} runs after T{}", *prev);
                }
                *prev = i;
            }));
        }
        for handle in handles {
            handle.await.unwrap();
        }
        println!("root: all 300 joined, last to run was T{}", *last.lock().unwrap());
    });
    root.await.unwrap();
}
