// Tokio tutorial (streams): implementing Stream by hand. Interval yields three times, each after a
// Delay that completes 10ms after the previous one; a default trait method (size_hint) is kept.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio_stream::{Stream, StreamExt};

struct Delay {
    when: Instant,
}

impl Future for Delay {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.when {
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

struct Interval {
    rem: usize,
    delay: Delay,
}

impl Interval {
    fn new() -> Self {
        Self { rem: 3, delay: Delay { when: Instant::now() } }
    }
}

impl Stream for Interval {
    type Item = ();

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<()>> {
        if self.rem == 0 {
            // No more delays
            return Poll::Ready(None);
        }

        match Pin::new(&mut self.delay).poll(cx) {
            Poll::Ready(_) => {
                let when = self.delay.when + Duration::from_millis(10);
                self.delay = Delay { when };
                self.rem -= 1;
                Poll::Ready(Some(()))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    let mut interval = Interval::new();
    println!("size_hint: {:?}", interval.size_hint());
    let mut ticks = 0;
    while let Some(()) = interval.next().await {
        ticks += 1;
        println!("tick {ticks}, remaining {}", interval.rem);
    }
    println!("stream ended after {ticks} ticks; took 20ms or more: {}", start.elapsed() >= Duration::from_millis(20));
    let counted = Interval::new().fold(0, |n, ()| n + 1).await;
    println!("a fresh Interval yields {counted} items");
}
