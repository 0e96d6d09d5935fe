// tokio's RwLock is fair: several readers share it, a writer queues behind them, and a reader that
// arrives after the queued writer waits for the writer to finish, even though readers hold the lock.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::RwLock;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let lock = Arc::new(RwLock::new(0));
    let mut handles = Vec::new();
    for id in 1..=2 {
        let lock = lock.clone();
        handles.push(tokio::spawn(async move {
            let guard = lock.read().await;
            println!("reader {id}: got read lock, value {}", *guard);
            sleep(Duration::from_millis(100)).await;
            println!("reader {id}: releasing");
        }));
    }
    let w = lock.clone();
    handles.push(tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        println!("writer: waiting");
        let mut guard = w.write().await;
        *guard += 1;
        println!("writer: wrote {}", *guard);
        sleep(Duration::from_millis(50)).await;
    }));
    let r = lock.clone();
    handles.push(tokio::spawn(async move {
        sleep(Duration::from_millis(20)).await;
        println!("late reader: waiting (try_read ok? {})", r.try_read().is_ok());
        let guard = r.read().await;
        println!("late reader: sees {}", *guard);
    }));
    for h in handles {
        h.await.unwrap();
    }
}
