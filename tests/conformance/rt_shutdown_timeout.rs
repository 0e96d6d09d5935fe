// `shutdown_timeout` stops the runtime but waits at most the given time for blocking-pool threads:
// a spawn_blocking job sleeping 3 s is abandoned after 300 ms, and async tasks are dropped at once.
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;

struct Noisy;

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("async task dropped by shutdown");
    }
}

fn main() {
    let rt = Runtime::new().unwrap();
    rt.spawn(async {
        let _n = Noisy;
        tokio::time::sleep(Duration::from_secs(10)).await;
    });
    rt.spawn_blocking(|| {
        std::thread::sleep(Duration::from_millis(3000));
    });
    std::thread::sleep(Duration::from_millis(50));
    let start = Instant::now();
    rt.shutdown_timeout(Duration::from_millis(300));
    let waited = start.elapsed();
    println!("shutdown_timeout returned; waited >= 300ms: {}", waited >= Duration::from_millis(300));
    println!("did not wait for the 3s job: {}", waited < Duration::from_millis(2000));
}
