// spawn_blocking runs a closure on the blocking thread pool and returns a JoinHandle for its
// result. A blocking std::thread::sleep there does not stop the runtime: async tasks keep running.
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let job = tokio::task::spawn_blocking(|| {
        let mut total = 0u64;
        for i in 1..=100u64 {
            total += i;
        }
        std::thread::sleep(Duration::from_millis(200));
        println!("blocking job: finished summing");
        total
    });
    let ticker = tokio::spawn(async {
        for i in 1..=3 {
            sleep(Duration::from_millis(20)).await;
            println!("async task: tick {i} while the blocking job sleeps");
        }
    });
    ticker.await.unwrap();
    println!("main: blocking job still running: {}", !job.is_finished());
    let total = job.await.unwrap();
    println!("main: blocking job returned {total}");
}
