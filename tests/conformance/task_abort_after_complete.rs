// Aborting a task that already completed has no effect: is_finished() is true and the
// JoinHandle still yields Ok(output).
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handle = tokio::spawn(async {
        println!("task: computing");
        42
    });
    println!("main: finished before yield? {}", handle.is_finished());
    yield_now().await;
    println!("main: finished after yield? {}", handle.is_finished());
    handle.abort();
    match handle.await {
        Ok(v) => println!("main: got Ok({v}) despite abort"),
        Err(e) => println!("main: got error, cancelled={}", e.is_cancelled()),
    }
}
