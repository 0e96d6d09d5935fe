// With start_paused the clock only jumps forward when nothing else can run: while a task keeps
// yielding, the sleeping task's 10ms deadline is not reached and elapsed time stays 0.
use std::time::Duration;
use tokio::task::yield_now;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let sleeper = tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        println!("sleeper: woke at {}ms", start.elapsed().as_millis());
    });
    let busy = tokio::spawn(async move {
        for i in 1..=4 {
            println!("busy: iteration {i} at {}ms", start.elapsed().as_millis());
            yield_now().await;
        }
        println!("busy: done at {}ms", start.elapsed().as_millis());
    });
    busy.await.unwrap();
    sleeper.await.unwrap();
    sleep(Duration::from_secs(3600)).await;
    println!("main: an hour passed instantly, elapsed {}s", start.elapsed().as_secs());
}
