// Under start_paused, a running spawn_blocking task stops the clock from auto-advancing: a 10ms
// tokio sleep does not fire until the 100ms blocking job has finished (paused time still reads 10ms).
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let sleeper = tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        println!("sleeper: woke, paused clock reads {}ms", start.elapsed().as_millis());
    });
    let job = tokio::task::spawn_blocking(|| {
        std::thread::sleep(Duration::from_millis(100));
        println!("blocking job: finished");
        5
    });
    println!("main: job returned {}", job.await.unwrap());
    sleeper.await.unwrap();
}
