// A JoinHandle is a future too: a hand-written `FirstOf` polls two JoinHandles with Pin::new and
// returns whichever task finishes first, aborting the other when it is dropped.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::task::JoinHandle;

struct FirstOf {
    a: JoinHandle<&'static str>,
    b: JoinHandle<&'static str>,
}

impl Future for FirstOf {
    type Output = &'static str;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if let Poll::Ready(r) = Pin::new(&mut self.a).poll(cx) {
            return Poll::Ready(r.unwrap());
        }
        if let Poll::Ready(r) = Pin::new(&mut self.b).poll(cx) {
            return Poll::Ready(r.unwrap());
        }
        println!("FirstOf: both tasks still running");
        Poll::Pending
    }
}

impl Drop for FirstOf {
    fn drop(&mut self) {
        self.a.abort();
        self.b.abort();
        println!("FirstOf dropped: aborted both handles");
    }
}

async fn work(name: &'static str, ms: u64) -> &'static str {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    println!("{name}: finished");
    name
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let a = tokio::spawn(work("tortoise", 300));
    let b = tokio::spawn(work("hare", 100));
    let winner = FirstOf { a, b }.await;
    println!("winner: {winner}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!("main: the tortoise never finished");
}
