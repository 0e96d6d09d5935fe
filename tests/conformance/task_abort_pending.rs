// abort() cancels a task: one that never started never runs at all, one parked in a sleep is
// dropped at its await point. Both JoinHandles then yield Err(e) with e.is_cancelled().
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let never_started = tokio::spawn(async {
        println!("never_started: this line never prints");
    });
    let sleeper = tokio::spawn(async {
        println!("sleeper: going to sleep for 100ms");
        sleep(Duration::from_millis(100)).await;
        println!("sleeper: this line never prints");
    });
    never_started.abort();
    sleep(Duration::from_millis(10)).await;
    println!("main: aborting the sleeper");
    sleeper.abort();
    for (name, handle) in vec![("never_started", never_started), ("sleeper", sleeper)] {
        match handle.await {
            Ok(()) => println!("{name}: finished normally"),
            Err(e) => println!("{name}: cancelled={} panic={}", e.is_cancelled(), e.is_panic()),
        }
    }
}
