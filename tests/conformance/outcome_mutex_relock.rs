// tokio::sync::Mutex is not reentrant: locking it again while the same task still holds the
// guard waits forever for a release that can only happen after the wait. Real tokio hangs.
use tokio::sync::Mutex;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let m = Mutex::new(0u32);
    let mut first = m.lock().await;
    *first += 1;
    println!("main: holding the lock, value {}", *first);
    println!("main: locking again...");
    let second = m.lock().await;
    println!("never printed: {} {}", *first, *second);
}
