// select! races two thread-driven timer futures. Only one can be ready when select! is polled,
// so the result does not depend on which branch select! tries first; the loser is dropped.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

struct State {
    done: bool,
    waker: Option<Waker>,
}

struct ThreadTimer {
    state: Arc<Mutex<State>>,
}

impl ThreadTimer {
    fn start(ms: u64) -> ThreadTimer {
        let state = Arc::new(Mutex::new(State { done: false, waker: None }));
        let for_thread = state.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(ms));
            let mut s = for_thread.lock().unwrap();
            s.done = true;
            if let Some(w) = s.waker.take() {
                w.wake();
            }
        });
        ThreadTimer { state }
    }
}

impl Future for ThreadTimer {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut s = self.state.lock().unwrap();
        if s.done {
            Poll::Ready(())
        } else {
            s.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let quick = ThreadTimer::start(50);
    let slow = ThreadTimer::start(300);
    let winner = tokio::select! {
        _ = quick => "quick (50ms)",
        _ = slow => "slow (300ms)",
    };
    println!("winner: {winner}; the other timer future was dropped");
}
