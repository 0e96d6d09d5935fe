// `shutdown_background` returns immediately without waiting for anything, unlike dropping the
// runtime, which waits for running spawn_blocking jobs to finish.
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;

fn main() {
    let rt = Runtime::new().unwrap();
    rt.spawn_blocking(|| std::thread::sleep(Duration::from_millis(300)));
    std::thread::sleep(Duration::from_millis(30));
    let start = Instant::now();
    rt.shutdown_background();
    println!("shutdown_background returned quickly: {}", start.elapsed() < Duration::from_millis(200));

    let rt2 = Runtime::new().unwrap();
    rt2.spawn_blocking(|| std::thread::sleep(Duration::from_millis(300)));
    std::thread::sleep(Duration::from_millis(30));
    let start = Instant::now();
    drop(rt2);
    println!("drop waited for the blocking job: {}", start.elapsed() >= Duration::from_millis(200));
}
