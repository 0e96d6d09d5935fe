// What the compiler makes of `async fn main() { Delay.await }`: an enum state machine written by hand
// (State0 -> State1(Delay) -> Terminated) that polls the Delay it holds and is awaited like any future.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

struct Delay {
    when: Instant,
}

impl Future for Delay {
    type Output = &'static str;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if Instant::now() >= self.when {
            println!("Hello world");
            Poll::Ready("done")
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

enum MainFuture {
    State0,
    State1(Delay),
    Terminated,
}

impl Future for MainFuture {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        use MainFuture::*;
        loop {
            match *self {
                State0 => {
                    println!("State0: creating the Delay");
                    let when = Instant::now() + Duration::from_millis(10);
                    *self = State1(Delay { when });
                }
                State1(ref mut my_future) => match Pin::new(my_future).poll(cx) {
                    Poll::Ready(out) => {
                        println!("State1: delay said {out}");
                        *self = Terminated;
                        return Poll::Ready(());
                    }
                    Poll::Pending => return Poll::Pending,
                },
                Terminated => panic!("future polled after completion"),
            }
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    MainFuture::State0.await;
    println!("main: the state machine finished");
}
