// The blocking pool reuses an idle thread for the next spawn_blocking call, and starts another
// thread when every pool thread is busy. Thread identity is compared, never printed. The 50ms
// sleeps matter: a pool thread only counts as idle once it has gone back to waiting for work.
use std::time::Duration;
use tokio::task::spawn_blocking;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let first = spawn_blocking(|| std::thread::current().id()).await.unwrap();
    sleep(Duration::from_millis(50)).await;
    let second = spawn_blocking(|| std::thread::current().id()).await.unwrap();
    println!("sequential jobs ran on the same pool thread: {}", first == second);
    // Give the pool thread time to go back to idle before the next spawn_blocking calls.
    sleep(Duration::from_millis(50)).await;

    let x = spawn_blocking(|| {
        std::thread::sleep(Duration::from_millis(100));
        std::thread::current().id()
    });
    let y = spawn_blocking(|| {
        std::thread::sleep(Duration::from_millis(100));
        std::thread::current().id()
    });
    let x = x.await.unwrap();
    let y = y.await.unwrap();
    println!("overlapping jobs ran on different threads: {}", x != y);
    println!("one of them reused the idle thread: {}", x == first || y == first);
}
