// multi_thread, 4 workers: 500 tasks spawned from main (inject queue) and 1000 spawned from a task
// on a worker (LIFO slot, local queue overflowing to inject, stealing). Each yields once and
// returns a value; joining the handles in spawn order gives the same sums whatever the stealing.
use tokio::task::yield_now;

#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    let mut from_main = Vec::new();
    for i in 0..500u64 {
        from_main.push(tokio::spawn(async move {
            yield_now().await;
            i * 2
        }));
    }
    let spawner = tokio::spawn(async {
        let mut handles = Vec::new();
        for i in 0..1000u64 {
            handles.push(tokio::spawn(async move {
                yield_now().await;
                i * i
            }));
        }
        let mut sum = 0;
        let mut in_order = true;
        let mut expected = 0;
        for handle in handles {
            let value = handle.await.unwrap();
            in_order = in_order && value == expected * expected;
            expected += 1;
            sum += value;
        }
        (in_order, sum)
    });
    let mut sum = 0;
    for handle in from_main {
        sum += handle.await.unwrap();
    }
    println!("main: 500 results, sum {sum}");
    let (in_order, squares) = spawner.await.unwrap();
    println!("main: 1000 results from the spawner in spawn order: {in_order}, sum {squares}");
    println!("main: total {}", sum + squares);
}
