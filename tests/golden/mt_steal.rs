// Work stealing, small enough to read event by event: on 2 workers, one task spawns four children from
// worker 0. They go into worker 0's LIFO slot, each displacing the previous one into its local queue.
// Worker 1, idle, wakes as a searcher and steals ceil(half) of worker 0's local queue (oldest first);
// the LIFO slot stays with worker 0. Each child yields once, so the defer list shows up too.
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
