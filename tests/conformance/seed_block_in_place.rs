// Seed example (runtime notes, blocking): spawn_blocking moves a closure to the blocking pool (it
// must be Send + 'static); block_in_place runs it right here, on the current thread, borrowing locals.
use std::time::Duration;

fn slow_sum(values: &[u64]) -> u64 {
    std::thread::sleep(Duration::from_millis(100));
    values.iter().sum()
}

fn thread_name() -> String {
    std::thread::current().name().unwrap_or("unnamed").to_string()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let values: Vec<u64> = (1..=100).collect();

    // block_in_place: the closure borrows `values`, no move, no 'static needed.
    let (sum, name) = tokio::task::block_in_place(|| (slow_sum(&values), thread_name()));
    println!("block_in_place: sum = {sum} on thread {name:?}");

    // spawn_blocking: the closure must own what it uses.
    let owned = values.clone();
    let (sum2, name2) = tokio::task::spawn_blocking(move || (slow_sum(&owned), thread_name()))
        .await
        .unwrap();
    println!("spawn_blocking: sum = {sum2} on thread {name2:?}");

    let from_worker = tokio::spawn(async {
        tokio::task::block_in_place(|| {
            std::thread::sleep(Duration::from_millis(50));
            thread_name()
        })
    });
    println!("block_in_place inside a task ran on {:?}", from_worker.await.unwrap());
    println!("values still usable here: {} items", values.len());
}
