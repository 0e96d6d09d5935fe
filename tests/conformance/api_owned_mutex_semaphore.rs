// Owned guards move into spawned tasks: `lock_owned` on an Arc<Mutex>, and `acquire_owned` on an
// Arc<Semaphore> limiting how many tasks work at once; a permit is returned when its task ends.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, Semaphore};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let data = Arc::new(Mutex::new(Vec::new()));
    let sem = Arc::new(Semaphore::new(2));
    let mut handles = Vec::new();
    for id in 1..=4u64 {
        let permit = sem.clone().acquire_owned().await.unwrap();
        println!("main: permit for task {id}, {} left", sem.available_permits());
        let data = data.clone();
        handles.push(tokio::spawn(async move {
            let _permit = permit;
            tokio::time::sleep(Duration::from_millis(100)).await;
            data.lock().await.push(id);
            println!("task {id}: done");
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let guard = data.clone().lock_owned().await;
    let reader = tokio::spawn(async move {
        println!("reader task owns the lock: {:?}", *guard);
    });
    reader.await.unwrap();
    println!("lock free again: {}", data.try_lock().is_ok());
    println!("permits back: {}", sem.available_permits());
}
