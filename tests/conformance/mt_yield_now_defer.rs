// multi_thread, 1 worker, tokio 1.24: yield_now puts the task on the thread's defer list, woken
// (in FIFO order) only when the worker runs out of work and polls its driver. Each woken task goes
// to the LIFO slot, displacing the previous one, so the last yielder runs first: B A, A B, B A ...
use tokio::task::yield_now;

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let root = tokio::spawn(async {
        let a = tokio::spawn(async {
            for round in 1..=3 {
                println!("A round {round}");
                yield_now().await;
            }
            println!("A done");
        });
        let b = tokio::spawn(async {
            for round in 1..=3 {
                println!("B round {round}");
                yield_now().await;
            }
            println!("B done");
        });
        a.await.unwrap();
        b.await.unwrap();
    });
    root.await.unwrap();
    println!("main: done");
}
