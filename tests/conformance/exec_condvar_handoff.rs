// std::sync::Condvar: a consumer thread waits on a condition variable until the producer has put
// an item in the shared queue and notified it; `wait_while` re-checks the condition after each wakeup.
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    let shared = Arc::new((Mutex::new(VecDeque::new()), Condvar::new()));
    let consumer_shared = shared.clone();
    let consumer = thread::spawn(move || {
        let (lock, cvar) = &*consumer_shared;
        let mut total = 0;
        loop {
            let mut queue = cvar.wait_while(lock.lock().unwrap(), |q| q.is_empty()).unwrap();
            let item: Option<u32> = queue.pop_front().unwrap();
            drop(queue);
            match item {
                Some(v) => {
                    println!("consumer: got {v}");
                    total += v;
                }
                None => break,
            }
        }
        total
    });
    for v in [5, 10, 20] {
        thread::sleep(Duration::from_millis(40));
        let (lock, cvar) = &*shared;
        lock.lock().unwrap().push_back(Some(v));
        cvar.notify_one();
    }
    thread::sleep(Duration::from_millis(40));
    shared.0.lock().unwrap().push_back(None);
    shared.1.notify_all();
    println!("main: consumer total {}", consumer.join().unwrap());
}
