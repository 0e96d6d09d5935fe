// Atomics and scoped threads: `thread::scope` lets threads borrow local data; an AtomicUsize counts
// across them without a lock, and an AtomicBool flag (Release/Acquire) tells a waiting thread to stop.
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

fn main() {
    let words = vec!["async", "await", "future", "poll", "waker"];
    let letters = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let counter = &letters;
    let seen = thread::scope(|s| {
        let watcher = s.spawn(|| {
            while !stop.load(Ordering::Acquire) {
                thread::sleep(Duration::from_millis(1));
            }
            letters.load(Ordering::Relaxed)
        });
        let mut counters = Vec::new();
        for chunk in words.chunks(2) {
            counters.push(s.spawn(move || {
                for w in chunk {
                    counter.fetch_add(w.len(), Ordering::Relaxed);
                }
                chunk.len()
            }));
        }
        for (i, c) in counters.into_iter().enumerate() {
            println!("counting thread {i} handled {} words", c.join().unwrap());
        }
        stop.store(true, Ordering::Release);
        watcher.join().unwrap()
    });
    println!("the watcher saw {seen} letters once told to stop");
    println!("words still usable after the scope: {}", words.len());
    let prev = letters.swap(0, Ordering::SeqCst);
    println!("swap returned {prev}, now {}", letters.load(Ordering::SeqCst));
    let r = letters.compare_exchange(0, 7, Ordering::SeqCst, Ordering::SeqCst);
    let again = letters.compare_exchange(0, 9, Ordering::SeqCst, Ordering::SeqCst);
    println!("compare_exchange: {r:?}, then {again:?}");
}
