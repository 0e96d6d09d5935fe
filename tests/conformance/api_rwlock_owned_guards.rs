// Owned RwLock guards (`read_owned`, `write_owned`) keep an Arc of the lock, so they can move into
// a spawned task; try_read / try_write fail while the other kind of guard is alive.
use std::sync::Arc;
use tokio::sync::RwLock;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let lock = Arc::new(RwLock::new(vec![1, 2]));
    let write_guard = lock.clone().write_owned().await;
    println!("strong count with an owned guard alive: {}", Arc::strong_count(&lock));
    match lock.try_read() {
        Ok(_) => println!("try_read: ok"),
        Err(e) => println!("try_read: {e} / {e:?}"),
    }
    let task = tokio::spawn(async move {
        let mut guard = write_guard;
        guard.push(3);
        println!("task: pushed 3 through the moved guard");
    });
    task.await.unwrap();
    let r1 = lock.clone().read_owned().await;
    let r2 = lock.clone().read_owned().await;
    println!("two owned readers: {:?} and len {}", *r1, r2.len());
    println!("try_write with readers alive is err? {}", lock.try_write().is_err());
    drop(r1);
    drop(r2);
    let mut w = lock.write().await;
    w.clear();
    println!("cleared; strong count back to {}", Arc::strong_count(&lock));
}
