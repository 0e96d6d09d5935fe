// Lesson program (src/lessons/programs/reactor-of-your-own.rs): A reactor of your own; an OS thread completes a hand-written future.
// A reactor of your own. ThreadTimer is a hand-written future: its first poll starts an OS thread
// that sleeps 100 ms, then marks the timer done and wakes the waker that poll left in the shared
// state. Meanwhile the runtime thread is free: it runs another task, then sleeps until woken.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

// What the future and its timer thread share.
struct Shared {
    done: bool,
    waker: Option<Waker>,
}

struct ThreadTimer {
    shared: Arc<Mutex<Shared>>,
    started: bool,
}

impl ThreadTimer {
    fn new() -> ThreadTimer {
        let shared = Arc::new(Mutex::new(Shared { done: false, waker: None }));
        ThreadTimer { shared, started: false }
    }
}

impl Future for ThreadTimer {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !self.started {
            self.started = true;
            let shared = self.shared.clone();
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(100));
                println!("timer thread: 100 ms passed, waking main");
                let mut state = shared.lock().unwrap();
                state.done = true;
                if let Some(waker) = state.waker.take() {
                    waker.wake();
                }
            });
        }
        let mut state = self.shared.lock().unwrap();
        if state.done {
            println!("poll: done");
            Poll::Ready(())
        } else {
            println!("poll: not done yet, keeping the waker");
            state.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("other task: runs while the timer thread sleeps");
    });
    ThreadTimer::new().await;
    println!("main: the timer is done");
}
