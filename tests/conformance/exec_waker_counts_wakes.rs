// A waker that counts its wakes (a Mutex<u32> inside the Arc), and a future that wakes itself twice
// before it is Ready. The executor polls only when the count has grown, so it sees each wake.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

struct Counter {
    wakes: Mutex<u32>,
}

impl Wake for Counter {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        let mut n = self.wakes.lock().unwrap();
        *n += 1;
        println!("  waker: woken ({} so far)", *n);
    }
}

struct WakeTwice {
    polls: u32,
}

impl Future for WakeTwice {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.polls == 3 {
            return Poll::Ready(self.polls);
        }
        if self.polls == 1 {
            cx.waker().wake_by_ref();
        } else {
            cx.waker().clone().wake();
        }
        Poll::Pending
    }
}

fn main() {
    let counter = Arc::new(Counter { wakes: Mutex::new(0) });
    let waker = Waker::from(counter.clone());
    let mut cx = Context::from_waker(&waker);
    let mut fut = WakeTwice { polls: 0 };
    let mut seen = 0;
    loop {
        match Pin::new(&mut fut).poll(&mut cx) {
            Poll::Ready(n) => {
                println!("ready after {n} polls");
                break;
            }
            Poll::Pending => {
                let now = *counter.wakes.lock().unwrap();
                println!("pending; wakes {seen} -> {now}");
                if now == seen {
                    println!("nobody woke us: we would wait forever");
                    break;
                }
                seen = now;
            }
        }
    }
    println!("total wakes: {}, Arc count: {}", *counter.wakes.lock().unwrap(), Arc::strong_count(&counter));
}
