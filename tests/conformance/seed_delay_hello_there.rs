// Seed example (tokio notes): a Delay future whose Output is &'static str. Until its deadline it
// wakes itself (wake_by_ref) and returns Pending, so tokio polls it again; then it prints once.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

struct Delay {
    when: Instant,
}

impl Future for Delay {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if Instant::now() >= self.when {
            println!("Hello there.");
            Poll::Ready("done")
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let when = Instant::now() + Duration::from_millis(1);
    let future = Delay { when };
    println!("Delay created, not polled yet");
    let out = future.await;
    assert_eq!(out, "done");
    println!("Delay returned {:?}", out);
}
