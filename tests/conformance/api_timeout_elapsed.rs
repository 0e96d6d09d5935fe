// `tokio::time::timeout` wraps a future: Ok(value) if it finishes in time, Err(Elapsed) otherwise;
// Elapsed prints as "deadline has elapsed". A function returning Box<dyn Error> can `?` it.
use std::error::Error;
use std::time::Duration;
use tokio::time::{error::Elapsed, sleep, timeout, timeout_at, Instant};

async fn slow(ms: u64) -> u64 {
    sleep(Duration::from_millis(ms)).await;
    ms
}

async fn fetch_with_deadline() -> Result<u64, Box<dyn Error>> {
    let v = timeout(Duration::from_millis(50), slow(80)).await?;
    Ok(v)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    println!("fast: {:?}", timeout(Duration::from_millis(100), slow(30)).await);
    let res: Result<u64, Elapsed> = timeout(Duration::from_millis(100), slow(300)).await;
    match res {
        Ok(v) => println!("slow finished: {v}"),
        Err(e) => println!("slow: {e} / {e:?} at {}ms", start.elapsed().as_millis()),
    }
    let deadline = Instant::now() + Duration::from_millis(20);
    println!("timeout_at: {:?}", timeout_at(deadline, slow(40)).await.is_err());
    match fetch_with_deadline().await {
        Ok(v) => println!("fetched {v}"),
        Err(e) => println!("boxed error: {e}"),
    }
    println!("total {}ms", start.elapsed().as_millis());
}
