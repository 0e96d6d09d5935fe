// A learner's own Stream: `impl Stream for Fib` (always ready, never ends) gets every StreamExt
// adapter; `stream::poll_fn` builds one from a closure that can return Pending after waking itself.
use futures::stream::{self, Stream, StreamExt};
use std::pin::Pin;
use std::task::{Context, Poll};

struct Fib {
    a: u64,
    b: u64,
}

impl Stream for Fib {
    type Item = u64;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        let next = self.a;
        self.a = self.b;
        self.b += next;
        Poll::Ready(Some(next))
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let first: Vec<u64> = Fib { a: 0, b: 1 }.take(8).collect().await;
    println!("fib {first:?}");
    let mut evens = Fib { a: 0, b: 1 }.filter(|x| futures::future::ready(x % 2 == 0)).enumerate().take(3);
    while let Some((i, x)) = evens.next().await {
        println!("even #{i}: {x}");
    }
    let mut fib = Fib { a: 0, b: 1 };
    println!("by hand: {:?} {:?} {:?}", fib.next().await, fib.next().await, fib.next().await);
    println!("state after three: a={} b={}", fib.a, fib.b);

    let mut polls = 0;
    let ticks = stream::poll_fn(move |cx: &mut Context<'_>| {
        polls += 1;
        if polls > 5 {
            Poll::Ready(None)
        } else if polls % 2 == 0 {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(Some(polls))
        }
    });
    let got: Vec<i32> = ticks.collect().await;
    println!("poll_fn items {got:?}");
}
