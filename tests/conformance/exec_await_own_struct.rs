// Awaiting a program's own struct that implements Future: `YieldTimes(n)` returns Pending n times,
// waking itself each time, so two tasks awaiting it take turns on the current_thread scheduler.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct YieldTimes {
    left: u32,
}

impl Future for YieldTimes {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.left == 0 {
            return Poll::Ready(());
        }
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn worker(name: &str, steps: u32) {
    for i in 1..=steps {
        println!("{name}: step {i}");
        YieldTimes { left: 1 }.await;
    }
    println!("{name}: done");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = tokio::spawn(worker("A", 3));
    let b = tokio::spawn(worker("B", 2));
    YieldTimes { left: 2 }.await;
    println!("main: back after yielding twice");
    a.await.unwrap();
    b.await.unwrap();
}
