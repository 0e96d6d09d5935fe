// Seed example (tokio notes): a spawned task runs even if nobody awaits its JoinHandle; awaiting a
// handle gives Result<T, JoinError>, and a JoinError is either a cancellation or a panic whose
// payload is a Box<dyn Any + Send>.
use std::time::Duration;
use tokio::task::JoinError;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // Nobody keeps this handle: the task still runs.
    tokio::spawn(async {
        println!("unawaited task ran");
    });
    let answer = tokio::spawn(async { 6 * 7 });
    let panics = tokio::spawn(async {
        if answer_is_wrong() {
            panic!("boom");
        }
        0
    });
    let sleeper = tokio::spawn(async {
        sleep(Duration::from_secs(10)).await;
        1
    });
    sleep(Duration::from_millis(1)).await;
    sleeper.abort();

    let results: Vec<Result<i32, JoinError>> = vec![answer.await, panics.await, sleeper.await];
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(v) => println!("task {i}: Ok({v})"),
            Err(e) if e.is_cancelled() => println!("task {i}: cancelled"),
            Err(e) => {
                let payload = e.into_panic();
                let msg = payload.downcast_ref::<&str>().unwrap_or(&"?");
                println!("task {i}: panicked with {msg:?}");
            }
        }
    }
}

fn answer_is_wrong() -> bool {
    true
}
