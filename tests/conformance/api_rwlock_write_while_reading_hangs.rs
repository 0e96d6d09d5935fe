// A classic RwLock mistake: holding a read guard and then asking for the write lock on the same lock.
// The writer waits for all readers, including the one this very task holds: it never finishes.
use std::sync::Arc;
use tokio::sync::RwLock;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let lock = Arc::new(RwLock::new(1));
    let r = lock.read().await;
    println!("holding a read guard: {}", *r);
    println!("now asking for the write lock...");
    let mut w = lock.write().await;
    *w += 1;
    println!("never printed");
}
