// A spawned task does not run while main keeps computing: it only gets the thread when main
// reaches an .await that returns Pending (here yield_now). Main's yield lets every queued task run.
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("task 1 runs");
    });
    let mut sum = 0u64;
    for i in 1..=1000u64 {
        sum += i;
    }
    println!("main: computed sum {sum}, task 1 has not run yet");
    tokio::spawn(async {
        println!("task 2 runs");
    });
    println!("main: yielding");
    yield_now().await;
    println!("main: resumed after both tasks ran");
}
