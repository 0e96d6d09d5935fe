// A plain `fn main` starts worker std threads, and each thread builds its own current_thread
// runtime to run async code; the thread returns the block_on result through `join`.
use std::thread;
use std::time::Duration;
use tokio::runtime::Builder;

async fn count_down(name: &'static str, from: u32) -> u32 {
    let mut ticks = 0;
    for _ in 0..from {
        tokio::time::sleep(Duration::from_millis(1)).await;
        ticks += 1;
    }
    println!("{name}: counted down from {from}");
    ticks
}

fn main() {
    let mut threads = Vec::new();
    for (i, name) in ["alpha", "beta"].into_iter().enumerate() {
        threads.push(thread::spawn(move || {
            thread::sleep(Duration::from_millis(300 * i as u64));
            let rt = Builder::new_current_thread().enable_time().start_paused(true).build().unwrap();
            rt.block_on(count_down(name, 3 + i as u32))
        }));
    }
    for t in threads {
        println!("main: thread returned {}", t.join().unwrap());
    }
}
