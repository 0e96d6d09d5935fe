// Seed example (executor roadmap, stage 1): drive a future by hand — no .await — calling poll in a
// loop with Waker::noop() until it returns Ready, then compare with simply awaiting it.
use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

async fn steps(n: u32) -> u32 {
    let mut total = 0;
    for i in 1..=n {
        println!("  step {i}");
        total += i;
        YieldOnce(false).await;
    }
    total
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut fut = pin!(steps(3));
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    let result = loop {
        polls += 1;
        println!("poll #{polls}");
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => break v,
            Poll::Pending => println!("  -> Pending"),
        }
    };
    println!("Ready({result}) after {polls} polls");
}
