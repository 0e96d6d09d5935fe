// Driving a future by hand with no executor: `futures::task::noop_waker` gives a Context, and a loop
// calls poll until Ready. The future here counts down, returning Pending a few times first.
use futures::task::noop_waker;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Countdown(u32);

impl Future for Countdown {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.0 == 0 {
            Poll::Ready("liftoff")
        } else {
            println!("countdown: {}", self.0);
            self.0 -= 1;
            Poll::Pending
        }
    }
}

fn main() {
    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    let mut fut = Countdown(3);
    let mut polls = 0;
    loop {
        polls += 1;
        match Pin::new(&mut fut).poll(&mut cx) {
            Poll::Pending => println!("poll {polls}: Pending"),
            Poll::Ready(v) => {
                println!("poll {polls}: Ready({v})");
                break;
            }
        }
    }
    let mut boxed = Box::pin(async { 40 + 2 });
    println!("async block polled once: {:?}", boxed.as_mut().poll(&mut cx));
}
