// When the run queue empties, the scheduler polls its driver (firing expired timers) BEFORE it
// re-queues yield_now's deferred tasks: the timer task resumes ahead of the yielder.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let timer = tokio::spawn(async {
        println!("timer: sleeping 10ms");
        sleep(Duration::from_millis(10)).await;
        println!("timer: woke");
    });
    let yielder = tokio::spawn(async {
        println!("yielder: yielding");
        yield_now().await;
        println!("yielder: resumed");
    });
    let blocker = tokio::spawn(async {
        println!("blocker: blocking the thread for 50ms, the 10ms timer expires meanwhile");
        std::thread::sleep(Duration::from_millis(50));
    });
    timer.await.unwrap();
    yielder.await.unwrap();
    blocker.await.unwrap();
}
