// std::thread::park / unpark: a worker parks until main unparks it. An unpark that comes before the
// park is remembered as a token, so the next park returns at once instead of sleeping forever.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

fn main() {
    let ready = Arc::new(AtomicBool::new(false));
    let awake = Arc::new(AtomicBool::new(false));
    let (r, a) = (ready.clone(), awake.clone());
    let worker = thread::spawn(move || {
        println!("worker: parking until ready");
        while !r.load(Ordering::Acquire) {
            thread::park();
        }
        println!("worker: unparked and ready");
        a.store(true, Ordering::Release);
        thread::sleep(Duration::from_millis(100));
        println!("worker: parking again, a token is already waiting");
        thread::park();
        println!("worker: park returned immediately");
    });
    thread::sleep(Duration::from_millis(50));
    ready.store(true, Ordering::Release);
    worker.thread().unpark();
    while !awake.load(Ordering::Acquire) {
        thread::sleep(Duration::from_millis(1));
    }
    println!("main: worker is awake, unparking it before it parks again");
    worker.thread().unpark();
    worker.join().unwrap();
    println!("main: worker joined");
}
