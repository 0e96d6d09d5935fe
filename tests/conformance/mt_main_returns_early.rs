// multi_thread, 2 workers: when main returns, the runtime shuts down and drops every task still
// waiting, so the sleeping tasks' later prints never appear; the process exits 0.
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    tokio::spawn(async {
        sleep(Duration::from_millis(30)).await;
        println!("fast task: done after 30ms");
    });
    tokio::spawn(async {
        println!("slow task: going to sleep for 500ms");
        sleep(Duration::from_millis(500)).await;
        println!("slow task: never printed");
    });
    let unjoined = tokio::spawn(async {
        sleep(Duration::from_millis(400)).await;
        println!("unjoined task: never printed");
    });
    sleep(Duration::from_millis(100)).await;
    println!("main: returning while two tasks still sleep, unjoined finished: {}", unjoined.is_finished());
}
