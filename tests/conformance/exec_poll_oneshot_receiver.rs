// A hand-written future that polls a tokio leaf future inside its own `poll`: it wraps a oneshot
// Receiver and calls `Pin::new(&mut self.rx).poll(cx)`, passing the task's waker on to the channel.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::oneshot;

struct Labeled {
    label: &'static str,
    rx: oneshot::Receiver<u32>,
    polls: u32,
}

impl Future for Labeled {
    type Output = String;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        self.polls += 1;
        println!("{}: poll #{}", self.label, self.polls);
        match Pin::new(&mut self.rx).poll(cx) {
            Poll::Ready(Ok(v)) => Poll::Ready(format!("{} got {v}", self.label)),
            Poll::Ready(Err(e)) => Poll::Ready(format!("{} failed: {e}", self.label)),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(50)).await;
        println!("sender: sending 99");
        tx.send(99).unwrap();
    });
    println!("{}", Labeled { label: "first", rx, polls: 0 }.await);
    let (tx, rx) = oneshot::channel::<u32>();
    drop(tx);
    println!("{}", Labeled { label: "second", rx, polls: 0 }.await);
}
