// std::task::Wake without any crate: `impl Wake for T` and `Waker::from(Arc<T>)`; wake_by_ref keeps
// the waker, wake consumes it, clones share the same Arc, and will_wake compares two wakers.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Wake, Waker};

struct CountingWaker {
    name: &'static str,
    count: AtomicUsize,
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        let n = self.count.fetch_add(1, Ordering::SeqCst) + 1;
        println!("{} woken, {n} time(s)", self.name);
    }
}

fn main() {
    let a = Arc::new(CountingWaker { name: "a", count: AtomicUsize::new(0) });
    let b = Arc::new(CountingWaker { name: "b", count: AtomicUsize::new(0) });
    let wa: Waker = Waker::from(a.clone());
    let wb: Waker = b.clone().into();
    println!("Arc count of a with one waker: {}", Arc::strong_count(&a));
    wa.wake_by_ref();
    let wa2 = wa.clone();
    println!("after clone: {}", Arc::strong_count(&a));
    println!("wa.will_wake(&wa2): {}, wa.will_wake(&wb): {}", wa.will_wake(&wa2), wa.will_wake(&wb));
    let cx = Context::from_waker(&wb);
    cx.waker().wake_by_ref();
    wa2.wake();
    println!("after wake() consumed a clone: {}", Arc::strong_count(&a));
    drop(wa);
    println!("after dropping the last waker: {}", Arc::strong_count(&a));
    println!("totals: a={}, b={}", a.count.load(Ordering::SeqCst), b.count.load(Ordering::SeqCst));
}
