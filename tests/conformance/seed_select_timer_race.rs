// Seed example (async notes, select!): two MyTimerFutures (5 s and 2 s) raced with tokio::select!;
// the 2 s one wins and the loser is dropped. (The 5 s thread is still asleep when main returns.)
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

struct TimerState {
    completed: bool,
    waker: Option<Waker>,
}

pub struct MyTimerFuture {
    state: Arc<Mutex<TimerState>>,
}

impl MyTimerFuture {
    pub fn new(duration: Duration) -> Self {
        let state = Arc::new(Mutex::new(TimerState { completed: false, waker: None }));
        let thread_state = state.clone();
        thread::spawn(move || {
            thread::sleep(duration);
            let mut guard = thread_state.lock().unwrap();
            guard.completed = true;
            if let Some(waker) = guard.waker.take() {
                waker.wake();
            }
        });
        MyTimerFuture { state }
    }
}

impl Future for MyTimerFuture {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut guard = self.state.lock().unwrap();
        if guard.completed {
            Poll::Ready("Timer Finished!".to_string())
        } else {
            guard.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

#[tokio::main]
async fn main() {
    // We create two "Tasks" (Futures)
    let slow_timer = MyTimerFuture::new(Duration::from_secs(5));
    let fast_timer = MyTimerFuture::new(Duration::from_secs(2));

    println!("Starting the race...");

    // As soon as ONE returns Poll::Ready, the other is dropped (canceled).
    tokio::select! {
        val = slow_timer => {
            println!("The slow timer won? Logic error! Result: {}", val);
        }
        val = fast_timer => {
            // This block will run because 2s < 5s
            println!("The fast timer won! Result: {}", val);
        }
    }

    println!("The race is over. The executor has cleaned up the loser.");
}
