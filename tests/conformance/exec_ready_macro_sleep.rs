// `std::task::ready!` in a hand-written future: it returns Pending out of `poll` while tokio's Sleep is
// not due, and gives the output once it is; the future re-arms the Sleep with `reset` and ticks twice.
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
use std::time::Duration;
use tokio::time::{sleep, Sleep};

struct Twice { sleep: Pin<Box<Sleep>>, n: u32 }
impl Future for Twice {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            ready!(self.sleep.as_mut().poll(cx));
            self.n += 1;
            println!("tick {}", self.n);
            if self.n == 2 { return Poll::Ready(self.n); }
            self.sleep.as_mut().reset(tokio::time::Instant::now() + Duration::from_millis(10));
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let n = Twice { sleep: Box::pin(sleep(Duration::from_millis(10))), n: 0 }.await;
    println!("done {n}");
}
