// Controlling the clock by hand: `time::pause()` freezes it, `time::advance` moves it forward and
// fires due timers, and `time::resume()` lets real time flow again.
use std::time::Duration;
use tokio::time::{self, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    time::pause();
    let start = Instant::now();
    let timer = tokio::spawn(async move {
        time::sleep(Duration::from_secs(10)).await;
        println!("timer: fired at {}s", start.elapsed().as_secs());
    });
    tokio::task::yield_now().await;
    time::advance(Duration::from_secs(4)).await;
    println!("advanced to {}s, timer finished: {}", start.elapsed().as_secs(), timer.is_finished());
    time::advance(Duration::from_secs(6)).await;
    tokio::task::yield_now().await;
    println!("advanced to {}s, timer finished: {}", start.elapsed().as_secs(), timer.is_finished());
    timer.await.unwrap();
    time::resume();
    let real = std::time::Instant::now();
    time::sleep(Duration::from_millis(30)).await;
    let took_real_time = real.elapsed() >= Duration::from_millis(30);
    println!("after resume a 30ms sleep takes real time: {took_real_time}");
}
