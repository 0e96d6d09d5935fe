// The lost waker: a future returns Pending without storing or waking its Waker. Nobody will ever
// poll it again, so main hangs forever (real tokio does not detect this).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Forgetful {
    polls: u32,
}

impl Future for Forgetful {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        self.polls += 1;
        println!("Forgetful polled {} time(s), returning Pending without a wake", self.polls);
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("other task: runs and finishes");
    });
    Forgetful { polls: 0 }.await;
    println!("never printed");
}
