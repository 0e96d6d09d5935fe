// Shared counters without a lock: tasks on a multi-thread runtime bump an Arc<AtomicUsize>, track a
// maximum with fetch_max, and claim a one-time job with compare_exchange; fetch_update doubles a value.
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

static CLAIMED: AtomicBool = AtomicBool::new(false);

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let hits = Arc::new(AtomicUsize::new(0));
    let max = Arc::new(AtomicU64::new(0));
    let winners = Arc::new(AtomicUsize::new(0));
    let mut handles = Vec::new();
    for id in 0..8u64 {
        let hits = hits.clone();
        let max = max.clone();
        let winners = winners.clone();
        handles.push(tokio::spawn(async move {
            for _ in 0..100 {
                hits.fetch_add(1, Ordering::Relaxed);
            }
            max.fetch_max(id * 10, Ordering::SeqCst);
            if CLAIMED.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire).is_ok() {
                winners.fetch_add(1, Ordering::SeqCst);
            }
            tokio::task::yield_now().await;
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("hits: {}", hits.load(Ordering::SeqCst));
    println!("max: {}", max.load(Ordering::SeqCst));
    println!("one winner: {}", winners.load(Ordering::SeqCst));
    println!("claimed: {:?}", CLAIMED);

    let v = AtomicI64::new(-3);
    let prev = v.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| Some(x * 2));
    println!("fetch_update: {prev:?} -> {}", v.load(Ordering::SeqCst));
    let none = v.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| if x > 0 { Some(0) } else { None });
    println!("fetch_update refusing: {none:?}");
    println!("fetch_sub: {} -> {:?}", v.fetch_sub(4, Ordering::SeqCst), v);
    let small = std::sync::atomic::AtomicU8::new(250);
    small.fetch_add(10, Ordering::SeqCst);
    println!("u8 wraps: {}", small.load(Ordering::SeqCst));
    let flag = AtomicBool::new(true);
    println!("fetch_xor: {} then {}", flag.fetch_xor(true, Ordering::SeqCst), flag.load(Ordering::SeqCst));
    println!("swap: {} then {}", flag.swap(true, Ordering::SeqCst), flag.into_inner());
    let mut n = AtomicUsize::new(5);
    *n.get_mut() += 1;
    println!("get_mut: {}", n.into_inner());
}
