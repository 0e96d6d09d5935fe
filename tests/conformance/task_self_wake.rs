// A future that calls cx.waker().wake_by_ref() during its own poll is woken while running:
// tokio re-queues it at the back of the run queue after the poll, so other tasks interleave.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Countdown {
    name: String,
    left: u32,
}

impl Future for Countdown {
    type Output = String;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        println!("{} polled, {} left", self.name, self.left);
        if self.left == 0 {
            return Poll::Ready(self.name.clone());
        }
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = tokio::spawn(Countdown { name: "A".to_string(), left: 3 });
    let b = tokio::spawn(async {
        println!("B starts");
        Countdown { name: "B".to_string(), left: 1 }.await
    });
    println!("main: {} finished", a.await.unwrap());
    println!("main: {} finished", b.await.unwrap());
}
