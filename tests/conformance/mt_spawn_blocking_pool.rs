// multi_thread, 2 workers: spawn_blocking closures run on the blocking pool, not on the workers,
// so an async task keeps ticking while a job blocks in std::thread::sleep for 300ms. Results come
// back through the JoinHandles in spawn order, whichever pool thread ran each job and when.
use std::time::Duration;
use tokio::time::{sleep_until, Instant};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let start = Instant::now();
    let long_job = tokio::task::spawn_blocking(|| {
        std::thread::sleep(Duration::from_millis(300));
        println!("long blocking job: done after 300ms");
        "long"
    });
    let mut jobs = Vec::new();
    for n in vec![3, 1, 2] {
        jobs.push(tokio::task::spawn_blocking(move || {
            std::thread::sleep(Duration::from_millis(n * 10));
            let mut total = 0;
            for i in 1..=n * 10 {
                total += i;
            }
            total
        }));
    }
    let ticker = tokio::spawn(async move {
        for ms in vec![50, 150] {
            sleep_until(start + Duration::from_millis(ms)).await;
            println!("async ticker: {ms}ms, while the long job blocks");
        }
    });
    ticker.await.unwrap();
    let long = long_job.await.unwrap();
    let mut results = Vec::new();
    for job in jobs {
        results.push(job.await.unwrap());
    }
    println!("main: long job returned {long}");
    println!("main: short jobs' results in spawn order: {:?}", results);
}
