// Work stealing, small enough to read event by event: on 2 workers, one task spawns four children from
// a worker. They go into that worker's LIFO slot, each displacing the previous one into its local queue.
// The other worker wakes as a searcher and steals ceil(half) of that local queue (oldest first); the
// LIFO slot stays where it is. Each child yields once, so the defer lists show up too.
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let parent = tokio::spawn(async {
        let mut handles = Vec::new();
        for i in 0..4u64 {
            handles.push(tokio::spawn(async move {
                tokio::task::yield_now().await;
                i * 10
            }));
        }
        let mut sum = 0;
        for h in handles {
            sum += h.await.unwrap();
        }
        sum
    });
    println!("sum = {}", parent.await.unwrap());
}
