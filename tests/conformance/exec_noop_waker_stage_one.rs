// Stage one of writing an executor: drive an async block by hand with std's `Waker::noop()` and a
// `while` loop. Each .await that is not ready makes poll return Pending; the loop simply polls again.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

struct NotYet(u8);

impl Future for NotYet {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            Poll::Ready(())
        } else {
            self.0 -= 1;
            Poll::Pending
        }
    }
}

fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = Box::pin(async {
        println!("  body: start");
        NotYet(2).await;
        println!("  body: after the first await");
        NotYet(1).await;
        println!("  body: finishing");
        "result"
    });
    let mut n = 0;
    while let Poll::Pending = fut.as_mut().poll(&mut cx) {
        n += 1;
        println!("poll {n}: Pending");
    }
    println!("poll {}: Ready", n + 1);
}
