// Semaphore errors: try_acquire fails with TryAcquireError::NoPermits when none are left, and after
// `close()` both acquire (AcquireError) and try_acquire (TryAcquireError::Closed) fail; a waiting
// acquire is woken by close with an error.
use std::sync::Arc;
use tokio::sync::{Semaphore, TryAcquireError};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let sem = Arc::new(Semaphore::new(1));
    let p = sem.try_acquire().unwrap();
    match sem.try_acquire() {
        Err(TryAcquireError::NoPermits) => println!("try_acquire: NoPermits"),
        Err(TryAcquireError::Closed) => println!("try_acquire: Closed"),
        Ok(_) => println!("try_acquire: got one?"),
    }
    let e = sem.try_acquire().unwrap_err();
    println!("Display: {e} | Debug: {e:?}");
    let s = sem.clone();
    let waiter = tokio::spawn(async move {
        match s.acquire().await {
            Ok(_) => println!("waiter: acquired"),
            Err(e) => println!("waiter: {e} / {e:?}"),
        }
    });
    tokio::task::yield_now().await;
    sem.close();
    println!("closed: {}", sem.is_closed());
    waiter.await.unwrap();
    drop(p);
    match sem.try_acquire() {
        Err(TryAcquireError::Closed) => println!("after close, try_acquire: Closed"),
        other => println!("after close: {:?}", other.is_ok()),
    }
    println!("available permits after close: {}", sem.available_permits());
}
