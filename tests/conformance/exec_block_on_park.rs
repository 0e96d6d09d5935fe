// A `block_on` written with std only: the waker is the current thread (Wake -> unpark), the loop
// polls the future and parks between polls. It runs a timer future whose std thread calls wake().
use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            println!("block_on: Ready after {polls} polls");
            return v;
        }
        thread::park();
    }
}

async fn timer(ms: u64) -> u64 {
    let done = Arc::new(Mutex::new(false));
    let waker_slot: Arc<Mutex<Option<Waker>>> = Arc::new(Mutex::new(None));
    let (d, w) = (done.clone(), waker_slot.clone());
    thread::spawn(move || {
        thread::sleep(Duration::from_millis(ms));
        *d.lock().unwrap() = true;
        if let Some(waker) = w.lock().unwrap().take() {
            waker.wake();
        }
    });
    std::future::poll_fn(|cx| {
        *waker_slot.lock().unwrap() = Some(cx.waker().clone());
        if *done.lock().unwrap() { Poll::Ready(ms) } else { Poll::Pending }
    })
    .await
}

fn main() {
    let total = block_on(async {
        let a = timer(50).await;
        println!("first timer done");
        let b = timer(30).await;
        println!("second timer done");
        a + b
    });
    println!("total {total}");
}
