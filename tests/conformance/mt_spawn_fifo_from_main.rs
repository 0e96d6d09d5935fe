// multi_thread, 1 worker: main runs on the block_on thread, not on a worker, so its spawns go to
// the global inject queue (FIFO). The worker takes them one by one: T1..T5 run in spawn order.
// main prints only after joining them all, so its output cannot race with the worker's.
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let mut handles = Vec::new();
    for i in 1..=5 {
        handles.push(tokio::spawn(async move {
            println!("T{i} runs");
            i * 10
        }));
    }
    let mut total = 0;
    while let Some(handle) = handles.pop() {
        total += handle.await.unwrap();
    }
    println!("main: joined all 5 tasks, total {total}");
}
