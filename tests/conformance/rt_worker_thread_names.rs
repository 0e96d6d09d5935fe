// Which OS thread runs what: block_on's future runs on the thread that called block_on ("main"),
// spawned tasks on the worker threads, spawn_blocking closures on blocking-pool threads; both kinds
// get the Builder's thread_name.
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("pool-thread")
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        println!("block_on future on: {:?}", std::thread::current().name());
        let t = tokio::spawn(async { std::thread::current().name().map(|s| s.to_string()) });
        println!("spawned task on: {:?}", t.await.unwrap());
        let b = tokio::task::spawn_blocking(|| std::thread::current().name().map(|s| s.to_string()));
        println!("spawn_blocking on: {:?}", b.await.unwrap());
    });
    let ct = Builder::new_current_thread().thread_name("unused").build().unwrap();
    let name = ct.block_on(async {
        tokio::spawn(async { std::thread::current().name().map(|s| s.to_string()) }).await.unwrap()
    });
    println!("current_thread task on: {name:?}");
}
