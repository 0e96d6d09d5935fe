// Seed example (tokio notes, take away): dropping a JoinHandle does not stop its task (the task
// is detached and keeps running); only abort() cancels it, at its next .await.
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let detached = tokio::spawn(async {
        for i in 1..=3 {
            sleep(Duration::from_millis(10)).await;
            println!("detached task: step {i}");
        }
    });
    drop(detached);
    println!("main: dropped the first JoinHandle");

    let aborted = tokio::spawn(async {
        for i in 1..=3 {
            sleep(Duration::from_millis(12)).await;
            println!("aborted task: step {i}");
        }
    });
    sleep(Duration::from_millis(15)).await;
    aborted.abort();
    println!("main: called abort() on the second task");
    let result = aborted.await;
    println!("awaiting it: is_err = {}, cancelled = {}", result.is_err(), result.unwrap_err().is_cancelled());

    sleep(Duration::from_millis(50)).await;
    println!("main: done");
}
