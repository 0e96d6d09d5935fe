// `max_blocking_threads(1)` caps the blocking pool at one thread: three spawn_blocking jobs queue up
// and run one after another, in submission order, while the async side stays free.
use std::time::Duration;
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(1)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut jobs = Vec::new();
        for id in 1..=3 {
            jobs.push(tokio::task::spawn_blocking(move || {
                println!("job {id}: start");
                std::thread::sleep(Duration::from_millis(60));
                println!("job {id}: end");
                id * 100
            }));
        }
        let mut total = 0;
        for j in jobs {
            total += j.await.unwrap();
        }
        println!("all jobs done, total {total}");
    });
}
