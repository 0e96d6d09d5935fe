// Seed example (async notes, "the blocking trap"): building the second select! branch calls
// std::thread::sleep, which freezes the runtime thread, so the async sleep cannot win the race.
// (The notes sleep 10 s; 3 s here so the program finishes quickly.)
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() {
    let start = Instant::now();
    tokio::select! {
        _ = tokio::time::sleep(Duration::from_secs(2)) => println!("Async sleep won"),
        _ = {
            // WARNING: This is an OS-level sleep!
            // It blocks the actual worker thread for 3 seconds.
            std::thread::sleep(Duration::from_secs(3));
            async { println!("Blocking sleep won") }
        } => {}
    }
    println!("select! returned after 3 s or more: {}", start.elapsed() >= Duration::from_secs(3));
}
