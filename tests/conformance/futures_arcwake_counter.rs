// futures::task::ArcWake turns an Arc<T> into a Waker: `waker_ref` borrows it without cloning the Arc,
// `task::waker` takes ownership; clones share the Arc; every wake() ends up in `wake_by_ref` below.
use futures::task::{self, ArcWake};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

struct WakeCounter {
    wakes: AtomicUsize,
}

impl ArcWake for WakeCounter {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        let n = arc_self.wakes.fetch_add(1, Ordering::SeqCst) + 1;
        println!("woken (total {n})");
    }
}

fn main() {
    let counter = Arc::new(WakeCounter { wakes: AtomicUsize::new(0) });
    {
        let waker = task::waker_ref(&counter);
        waker.wake_by_ref();
        waker.wake_by_ref();
        println!("strong count while a waker_ref is alive: {}", Arc::strong_count(&counter));
    }
    let owned = task::waker(counter.clone());
    println!("strong count with an owned waker: {}", Arc::strong_count(&counter));
    let clone = owned.clone();
    println!("after cloning it: {}", Arc::strong_count(&counter));
    clone.wake();
    owned.wake();
    println!("after both were consumed by wake(): {}", Arc::strong_count(&counter));
    println!("total wakes: {}", counter.wakes.load(Ordering::SeqCst));
}
