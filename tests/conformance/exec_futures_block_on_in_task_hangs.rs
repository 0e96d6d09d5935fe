// `futures::executor::block_on` inside a tokio task, waiting for another task of the same
// current_thread runtime: block_on parks the only worker thread, so the other task can never run and
// the program hangs (tokio has no way to notice: futures' block_on knows nothing about runtimes).
use futures::executor::block_on;
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let other = tokio::spawn(async {
        println!("never printed: the worker is blocked");
        7
    });
    println!("main: blocking the worker thread on a JoinHandle");
    let v = block_on(other).unwrap();
    println!("never printed: {v}");
    tokio::time::sleep(Duration::from_millis(1)).await;
}
