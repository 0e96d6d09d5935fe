// The Rust book's thread pool: workers share one Receiver behind Arc<Mutex<..>>; each takes the lock
// only to receive a job, runs it unlocked, and leaves its loop when the channel is closed.
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel::<Box<dyn FnOnce() -> u64 + Send + 'static>>();
    let rx = Arc::new(Mutex::new(rx));
    let (done_tx, done_rx) = mpsc::channel::<(usize, u64)>();
    let mut workers = Vec::new();
    for id in 0..2 {
        let rx = Arc::clone(&rx);
        let done_tx = done_tx.clone();
        workers.push(thread::spawn(move || {
            let mut jobs = 0;
            loop {
                let job = rx.lock().unwrap().recv();
                match job {
                    Ok(job) => {
                        let out = job();
                        jobs += 1;
                        done_tx.send((id, out)).unwrap();
                    }
                    Err(_) => break,
                }
            }
            jobs
        }));
    }
    drop(done_tx);
    for n in 1..=4u64 {
        tx.send(Box::new(move || {
            thread::sleep(Duration::from_millis(30 * n));
            n * n
        }))
        .unwrap();
    }
    drop(tx);
    let mut results: Vec<u64> = done_rx.iter().map(|(_, v)| v).collect();
    results.sort();
    println!("results: {results:?}");
    let total: i32 = workers.into_iter().map(|w| w.join().unwrap()).sum();
    println!("jobs run by the pool: {total}");
}
