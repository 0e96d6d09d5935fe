// A hand-written future that is Ready on its first poll never suspends the task: awaiting it
// does not let other tasks run. Only a Pending (here from yield_now) hands the thread over.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::task::yield_now;

struct Answer {
    value: u32,
}

impl Future for Answer {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> {
        println!("Answer polled");
        Poll::Ready(self.value)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("other task runs");
    });
    let a = Answer { value: 40 }.await;
    let b = Answer { value: 2 }.await;
    println!("main: sum {} (other task has not run yet)", a + b);
    yield_now().await;
    println!("main: after yield_now");
}
