// Seed example (channels notes): "multiple threads, and a static variable to quit". Threads poll
// a `static` AtomicBool; main sets it and joins them. A static needs no Arc to be shared.
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

static QUIT: AtomicBool = AtomicBool::new(false);
static STOPPED: AtomicUsize = AtomicUsize::new(0);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles = Vec::new();
    for id in 0..3 {
        handles.push(std::thread::spawn(move || {
            let mut rounds = 0u32;
            while !QUIT.load(Ordering::SeqCst) {
                rounds += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            STOPPED.fetch_add(1, Ordering::SeqCst);
            (id, rounds > 0)
        }));
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    println!("main: stopped so far: {}", STOPPED.load(Ordering::SeqCst));
    println!("main: setting QUIT");
    QUIT.store(true, Ordering::SeqCst);
    for h in handles {
        let (id, worked) = h.join().unwrap();
        println!("thread {id} quit (it did some rounds: {worked})");
    }
    println!("main: stopped: {}", STOPPED.load(Ordering::SeqCst));
}
