// With `rt.enter()`, tokio's timers work under an executor of our own: the multi_thread runtime's
// workers drive the timer and wake our waker (a std Wake that unparks the main thread).
use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

struct Unparker(Thread);
impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

fn my_block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = Box::pin(fut);
    let waker = Waker::from(Arc::new(Unparker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return v,
            Poll::Pending => thread::park(),
        }
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let _guard = rt.enter();
    let task = tokio::spawn(async { 6 * 7 });
    let out = my_block_on(async move {
        tokio::time::sleep(Duration::from_millis(30)).await;
        println!("slept 30ms on tokio's timer under my_block_on");
        task.await.unwrap()
    });
    println!("the spawned task (run by a tokio worker) returned {out}");
}
