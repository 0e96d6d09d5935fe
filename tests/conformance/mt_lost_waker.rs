// The lost waker on multi_thread: a task awaits a future that returns Pending without storing or
// waking its Waker, so nothing ever schedules it again. Other tasks run and finish on the workers,
// but main waits for that task's JoinHandle forever (real tokio hangs).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::sleep;

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

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let stuck = tokio::spawn(async {
        Forgetful { polls: 0 }.await;
        println!("never printed");
    });
    let other = tokio::spawn(async {
        sleep(Duration::from_millis(50)).await;
        println!("other task: runs and finishes after 50ms");
    });
    other.await.unwrap();
    println!("main: other task joined, now waiting for the stuck one");
    stuck.await.unwrap();
    println!("main: never printed");
}
