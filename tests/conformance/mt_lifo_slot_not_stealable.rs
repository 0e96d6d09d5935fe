// multi_thread, 2 workers, tokio 1.24: A spawns B1 then B2 from a worker and blocks that worker for
// 200ms. B2 sits in the LIFO slot, which other workers cannot steal, so it runs only after A's poll;
// B1 was pushed to the local queue, so the idle worker is notified, steals it and runs it at once.
use std::time::{Duration, Instant};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let a = tokio::spawn(async {
        let start = Instant::now();
        println!("A: spawning B1 and B2, then blocking this worker for 200ms");
        let b1 = tokio::spawn(async move {
            println!("B1: runs early (within 100ms): {}", start.elapsed() < Duration::from_millis(100));
        });
        let b2 = tokio::spawn(async move {
            println!("B2: runs late (after 200ms): {}", start.elapsed() >= Duration::from_millis(200));
        });
        std::thread::sleep(Duration::from_millis(200));
        println!("A: done blocking");
        b1.await.unwrap();
        b2.await.unwrap();
        println!("A: joined B1 and B2");
    });
    a.await.unwrap();
    println!("main: done");
}
