// A hand-written `Join` of two hand-written futures, driven by a hand-written block_on whose waker
// unparks the main thread. Join polls both children on every poll until each is Ready and keeps the
// first output until the second arrives; each child asks to be polled again with wake_by_ref.
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

struct Countdown {
    name: &'static str,
    left: u32,
}

impl Future for Countdown {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.left == 0 {
            println!("  {} is ready", self.name);
            return Poll::Ready(self.name);
        }
        println!("  {}: {} to go", self.name, self.left);
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

struct Join<A: Future, B: Future> {
    a: Pin<Box<A>>,
    b: Pin<Box<B>>,
    a_out: Option<A::Output>,
    b_out: Option<B::Output>,
}

impl<A: Future, B: Future> Future for Join<A, B>
where
    A::Output: Unpin,
    B::Output: Unpin,
{
    type Output = (A::Output, B::Output);
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.a_out.is_none() {
            if let Poll::Ready(v) = self.a.as_mut().poll(cx) {
                self.a_out = Some(v);
            }
        }
        if self.b_out.is_none() {
            if let Poll::Ready(v) = self.b.as_mut().poll(cx) {
                self.b_out = Some(v);
            }
        }
        if self.a_out.is_some() && self.b_out.is_some() {
            let a = self.a_out.take().unwrap();
            let b = self.b_out.take().unwrap();
            Poll::Ready((a, b))
        } else {
            Poll::Pending
        }
    }
}

struct Unpark(Thread);
impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = Box::pin(fut);
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut polls = 0;
    loop {
        polls += 1;
        println!("poll {polls}");
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        thread::park();
    }
}

fn main() {
    let join = Join {
        a: Box::pin(Countdown { name: "short", left: 1 }),
        b: Box::pin(Countdown { name: "long", left: 3 }),
        a_out: None,
        b_out: None,
    };
    let (a, b) = block_on(join);
    println!("joined: {a} and {b}");
}
