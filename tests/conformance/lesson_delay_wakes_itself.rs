// Lesson program (src/lessons/programs/delay-wakes-itself.rs): Pending and the waker; a future that wakes itself.
// A hand-written future, the tokio tutorial's Delay: until its deadline passes, poll asks to be
// polled again at once (`wake_by_ref`) and returns Pending. It works, but the runtime re-polls it in
// a busy loop: tokio-console flags this as `self-wakes`. A real timer would hand its waker to the
// time driver instead (try `tokio::time::sleep`).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

struct Delay {
    when: Instant,
}

impl Future for Delay {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        if Instant::now() >= self.when {
            println!("Hello there.");
            Poll::Ready("done".to_string())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let when = Instant::now() + Duration::from_millis(10);
    let future = Delay { when };
    let out = future.await;
    println!("Delay returned {out:?}");
}
