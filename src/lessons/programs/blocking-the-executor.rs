use std::time::Duration;
use tokio::time::Instant;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let alarm = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let late = start.elapsed() >= Duration::from_millis(1000);
        println!("alarm: set for 100 ms, rang over 1 s late: {late}");
    });
    let worker = tokio::spawn(async {
        println!("worker: sleeping for 1.2 s");
        // No .await: this sleep stops the whole thread, and this runtime has only one.
        std::thread::sleep(Duration::from_millis(1200));
        println!("worker: awake again");
    });
    alarm.await.unwrap();
    worker.await.unwrap();
    println!("main: done");
}
