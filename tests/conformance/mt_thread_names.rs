// What `thread::current().name()` says on each kind of thread: "main" on the block_on thread,
// "tokio-runtime-worker" on workers and blocking-pool threads, and None on a `std::thread`.
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    println!("main: {:?}", std::thread::current().name());
    let task = tokio::spawn(async { std::thread::current().name().unwrap().to_string() });
    println!("spawned task: {}", task.await.unwrap());
    let pool = tokio::task::spawn_blocking(|| std::thread::current().name().unwrap().to_string());
    println!("spawn_blocking: {}", pool.await.unwrap());
    let plain = std::thread::spawn(|| std::thread::current().name().is_none());
    println!("std::thread is unnamed: {}", plain.join().unwrap());
}
