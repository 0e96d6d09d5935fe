// A self-waking task (wake_by_ref, then Pending) is re-queued immediately and keeps the run queue
// busy; a yield_now task is deferred until the scheduler polls its driver, after 61 task polls.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::task::yield_now;

struct Spin {
    polls: Arc<Mutex<u32>>,
    limit: u32,
}

impl Future for Spin {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut polls = self.polls.lock().unwrap();
        *polls += 1;
        if *polls >= self.limit {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let polls = Arc::new(Mutex::new(0u32));
    let spin_polls = polls.clone();
    let spinner = tokio::spawn(async move {
        Spin { polls: spin_polls, limit: 200 }.await;
        println!("spinner: finished");
    });
    let yielder = tokio::spawn(async move {
        println!("yielder: spinner polled {} times before my yield", *polls.lock().unwrap());
        yield_now().await;
        println!("yielder: spinner polled {} times when I resumed", *polls.lock().unwrap());
    });
    spinner.await.unwrap();
    yielder.await.unwrap();
}
