// The async book's TimerFuture: shared state (done flag + the last waker) behind a Mutex, a std
// thread that sleeps, sets the flag and wakes the stored waker; run by futures' block_on, which
// parks the main thread between polls.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

struct Shared {
    completed: bool,
    waker: Option<Waker>,
}

struct TimerFuture {
    shared: Arc<Mutex<Shared>>,
}

impl TimerFuture {
    fn new(ms: u64) -> Self {
        let shared = Arc::new(Mutex::new(Shared { completed: false, waker: None }));
        let thread_shared = shared.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(ms));
            let mut s = thread_shared.lock().unwrap();
            s.completed = true;
            if let Some(waker) = s.waker.take() {
                println!("timer thread: waking the future");
                waker.wake();
            }
        });
        TimerFuture { shared }
    }
}

impl Future for TimerFuture {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut s = self.shared.lock().unwrap();
        if s.completed {
            println!("poll: completed");
            Poll::Ready(())
        } else {
            println!("poll: not yet, storing the waker");
            s.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

fn main() {
    futures::executor::block_on(async {
        println!("start");
        TimerFuture::new(50).await;
        println!("first timer done");
        TimerFuture::new(20).await;
        println!("second timer done");
    });
    println!("block_on returned");
}
