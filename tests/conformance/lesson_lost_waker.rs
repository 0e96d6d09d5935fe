// Lesson program (src/lessons/programs/lost-waker.rs): the lost waker; real tokio hangs.
// A future that returns Pending without keeping or waking its Waker. Nothing will ever poll it
// again: main waits forever, and real tokio hangs here without a word. Pollscope reports the
// deadlock and names what each task waits on (tokio-console calls this a lost waker).
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
