// Seed example (tokio notes): the Future trait is only `type Output` plus `poll`. A program
// declares the same trait itself (MyFuture), implements it and drives it by hand with a no-op waker.
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

pub trait MyFuture {
    type Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context) -> Poll<Self::Output>;
}

struct Countdown {
    remaining: u32,
}

impl MyFuture for Countdown {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context) -> Poll<Self::Output> {
        if self.remaining == 0 {
            Poll::Ready("liftoff")
        } else {
            println!("countdown: {}", self.remaining);
            self.remaining -= 1;
            Poll::Pending
        }
    }
}

struct Always(u8);

impl MyFuture for Always {
    type Output = u8;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context) -> Poll<u8> {
        Poll::Ready(self.0)
    }
}

fn drive<F: MyFuture + Unpin>(mut fut: F) -> (F::Output, u32) {
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(out) = Pin::new(&mut fut).poll(&mut cx) {
            return (out, polls);
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (out, polls) = drive(Countdown { remaining: 3 });
    println!("{out} after {polls} polls");
    let (n, polls) = drive(Always(7));
    println!("Always(7) gave {n} after {polls} poll");
}
