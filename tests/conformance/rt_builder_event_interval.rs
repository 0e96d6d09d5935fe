// `Builder::event_interval(7)`: a current_thread scheduler checks its driver and deferred tasks
// every 7 ticks instead of 61, so a yield_now-ed task resumes after far fewer polls of a spinner.
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::runtime::Builder;

struct Spin {
    polls: Arc<AtomicU32>,
}

impl Future for Spin {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.polls.fetch_add(1, Ordering::SeqCst) + 1 >= 50 {
            return Poll::Ready(());
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn main() {
    let rt = Builder::new_current_thread().event_interval(7).enable_all().build().unwrap();
    rt.block_on(async {
        let polls = Arc::new(AtomicU32::new(0));
        let spinner = tokio::spawn(Spin { polls: polls.clone() });
        let yielder = tokio::spawn(async move {
            println!("yielder: spinner polled {} times before my yield", polls.load(Ordering::SeqCst));
            tokio::task::yield_now().await;
            println!("yielder: spinner polled {} times when I resumed", polls.load(Ordering::SeqCst));
        });
        spinner.await.unwrap();
        yielder.await.unwrap();
        println!("both done");
    });
}
