// Inside `spawn_blocking` the thread is not driving async tasks, so it may call `Handle::block_on`
// on the multi_thread runtime it belongs to; the awaited task runs on a worker meanwhile.
use std::time::Duration;
use tokio::runtime::{Builder, Handle};

fn main() {
    let rt = Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let out = rt.block_on(async {
        let job = tokio::task::spawn_blocking(|| {
            let handle = Handle::current();
            let fetched = handle.block_on(async {
                tokio::time::sleep(Duration::from_millis(30)).await;
                String::from("data from an async fn")
            });
            format!("blocking job got '{fetched}'")
        });
        job.await.unwrap()
    });
    println!("{out}");
}
