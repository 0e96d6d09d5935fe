// A busy self-waking future that waits for tokio's (paused) clock to pass a deadline never ends:
// the task is always runnable, so the paused clock never auto-advances. Real tokio spins forever.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::Instant;

struct BusyDelay {
    when: Instant,
}

impl Future for BusyDelay {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.when {
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let when = Instant::now() + Duration::from_millis(10);
    println!("main: busy-waiting for the paused clock to reach 10ms");
    BusyDelay { when }.await;
    println!("never printed");
}
