// multi_thread, 4 workers: eight tasks spawned in a scrambled order sleep 50ms apart. Whichever
// worker runs each one, they wake and print in deadline order; main joins them in spawn order.
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    let mut handles = Vec::new();
    for step in vec![5, 2, 8, 1, 7, 3, 6, 4] {
        handles.push(tokio::spawn(async move {
            sleep(Duration::from_millis(step * 50)).await;
            println!("task {step}: woke after {}ms", step * 50);
            step
        }));
    }
    let mut order = Vec::new();
    for handle in handles {
        order.push(handle.await.unwrap());
    }
    println!("main: joined in spawn order: {:?}", order);
}
