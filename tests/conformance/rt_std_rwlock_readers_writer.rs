// std::sync::RwLock across OS threads: two readers share it; a writer that arrives while they read
// waits for both, and a reader that arrives after the writer queued waits for the writer (std's lock
// prefers writers), so it sees the writer's change. Threads report what they saw; main prints it.
use std::sync::{Arc, RwLock};
use std::thread;
use std::time::Duration;

fn main() {
    let cfg = Arc::new(RwLock::new(vec![1, 2, 3]));
    let mut readers = Vec::new();
    for id in 0..3u64 {
        let cfg = cfg.clone();
        readers.push(thread::spawn(move || {
            thread::sleep(Duration::from_millis(40 * id));
            let r = cfg.read().unwrap();
            let seen = r.clone();
            thread::sleep(Duration::from_millis(200));
            seen
        }));
    }
    thread::sleep(Duration::from_millis(60));
    {
        let mut w = cfg.write().unwrap();
        w.push(4);
    }
    for (id, h) in readers.into_iter().enumerate() {
        println!("reader {id} saw {:?}", h.join().unwrap());
    }
    println!("try_write when free: {}", cfg.try_write().is_ok());
    let r = cfg.read().unwrap();
    println!("try_write while reading fails: {}", cfg.try_write().is_err());
    println!("try_read while reading: {}", cfg.try_read().is_ok());
    println!("{:?} / {:?}", r, cfg);
    drop(r);
    let w = cfg.write().unwrap();
    println!("try_read while writing fails: {}", cfg.try_read().is_err());
    println!("{:?}", cfg);
    drop(w);
    println!("into_inner: {:?}", Arc::try_unwrap(cfg).unwrap().into_inner().unwrap());
}
