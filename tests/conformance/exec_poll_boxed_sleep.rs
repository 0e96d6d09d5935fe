// A future of our own that holds tokio's Sleep as `Pin<Box<Sleep>>` and polls it with
// `self.sleep.as_mut().poll(cx)`; it re-arms the sleep with `reset` until it has ticked 3 times.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::{sleep, Instant, Sleep};

struct Ticker {
    sleep: Pin<Box<Sleep>>,
    ticks: u32,
    start: Instant,
}

impl Future for Ticker {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            match self.sleep.as_mut().poll(cx) {
                Poll::Pending => {
                    println!("ticker: pending at {}ms", self.start.elapsed().as_millis());
                    return Poll::Pending;
                }
                Poll::Ready(()) => {
                    self.ticks += 1;
                    println!("ticker: tick {} at {}ms", self.ticks, self.start.elapsed().as_millis());
                    if self.ticks == 3 {
                        return Poll::Ready(self.ticks);
                    }
                    let next = Instant::now() + Duration::from_millis(40);
                    self.sleep.as_mut().reset(next);
                }
            }
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let ticker = Ticker { sleep: Box::pin(sleep(Duration::from_millis(40))), ticks: 0, start };
    let n = ticker.await;
    println!("main: {n} ticks in {}ms", start.elapsed().as_millis());
}
