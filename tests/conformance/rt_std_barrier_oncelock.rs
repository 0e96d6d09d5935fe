// std's Barrier and OnceLock with OS threads: three threads meet at a Barrier twice (one leader per
// round), and a `static OnceLock` config is initialized exactly once however many threads ask for it.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, OnceLock};
use std::thread;
use std::time::Duration;

static CONFIG: OnceLock<String> = OnceLock::new();
static INITS: AtomicUsize = AtomicUsize::new(0);

fn config() -> &'static str {
    CONFIG.get_or_init(|| {
        INITS.fetch_add(1, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(20));
        String::from("workers=3")
    })
}

fn main() {
    println!("before: {:?} {:?}", CONFIG.get(), CONFIG);
    let barrier = Arc::new(Barrier::new(3));
    let leaders = Arc::new(AtomicUsize::new(0));
    let mut hs = Vec::new();
    for id in 0..3u64 {
        let barrier = barrier.clone();
        let leaders = leaders.clone();
        hs.push(thread::spawn(move || {
            let cfg = config();
            for _round in 0..2 {
                thread::sleep(Duration::from_millis(10 * (id + 1)));
                if barrier.wait().is_leader() {
                    leaders.fetch_add(1, Ordering::SeqCst);
                }
            }
            cfg.len()
        }));
    }
    let lens: Vec<usize> = hs.into_iter().map(|h| h.join().unwrap()).collect();
    println!("lens {lens:?}, leaders {}", leaders.load(Ordering::SeqCst));
    println!("initialized {} time(s): {:?}", INITS.load(Ordering::SeqCst), CONFIG);
    println!("set again: {:?}", CONFIG.set(String::from("other")));
    let solo = Barrier::new(1);
    println!("barrier of one: leader {}", solo.wait().is_leader());
    let mut local = OnceLock::new();
    println!("local set {:?}, get {:?}", local.set(5), local.get());
    println!("take {:?}, then {:?}", local.take(), local);
}
