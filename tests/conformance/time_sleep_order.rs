// Sleeping tasks wake in deadline order, not spawn order. With start_paused the clock jumps
// straight to each deadline, so elapsed times are exact: 10, 20, 30 ms.
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut handles = Vec::new();
    for ms in vec![30u64, 10, 20] {
        handles.push(tokio::spawn(async move {
            println!("task {ms}: sleeping");
            sleep(Duration::from_millis(ms)).await;
            println!("task {ms}: woke at {}ms", start.elapsed().as_millis());
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    println!("main: all done at {}ms", start.elapsed().as_millis());
}
