// From a std thread, tokio's locks are taken with `blocking_lock` / `blocking_read` / `blocking_write`,
// which park the thread until the async side releases them; inside the runtime they panic instead.
use std::sync::Arc;
use tokio::sync::{Mutex, RwLock};
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let m = Arc::new(Mutex::new(0));
    let l = Arc::new(RwLock::new(String::from("a")));
    let (m2, l2) = (m.clone(), l.clone());
    let g = m.lock().await;
    let t = std::thread::spawn(move || {
        *m2.blocking_lock() += 1;
        l2.blocking_write().push('b');
        println!("thread: {}", *l2.blocking_read());
    });
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    println!("main releases");
    drop(g);
    tokio::task::spawn_blocking(move || t.join().unwrap()).await.unwrap();
    println!("{} {}", *m.lock().await, *l.read().await);
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u8>(1);
    tx.send(1).await.unwrap();
    println!("about to block inside the runtime");
    let _ = rx.blocking_recv();
}
