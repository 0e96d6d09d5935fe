// The tokio tutorial's Delay with a thread-based timer: when polled too early it clones the waker and
// spawns a thread that sleeps until the deadline and calls wake(). Three tasks wait 300, 100 and 200 ms.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;
use std::time::{Duration, Instant};

struct Delay {
    when: Instant,
}

impl Future for Delay {
    type Output = &'static str;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if Instant::now() >= self.when {
            Poll::Ready("done")
        } else {
            let waker = cx.waker().clone();
            let when = self.when;
            thread::spawn(move || {
                let now = Instant::now();
                if now < when {
                    thread::sleep(when - now);
                }
                waker.wake();
            });
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles = Vec::new();
    for ms in [300u64, 100, 200] {
        handles.push(tokio::spawn(async move {
            let when = Instant::now() + Duration::from_millis(ms);
            let out = Delay { when }.await;
            println!("delay of {ms}ms: {out}");
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("all delays finished");
}
