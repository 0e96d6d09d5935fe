// Seed example (async notes, program lifecycle), verbatim: MyTimerFuture with a thread as a mock
// reactor. poll() stores the Waker and returns Pending; after 2 s the thread wakes the task.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use std::sync::{Arc, Mutex};
use std::thread;

// 1. THE STATE: This represents our "Reactor" state
struct TimerState {
    completed: bool,
    waker: Option<std::task::Waker>,
}

pub struct MyTimerFuture {
    state: Arc<Mutex<TimerState>>,
}

impl MyTimerFuture {
    pub fn new(duration: Duration) -> Self {
        let state = Arc::new(Mutex::new(TimerState {
            completed: false,
            waker: None,
        }));

        let thread_state = state.clone();

        // 2. THE REACTOR MOCK: a thread simulates hardware waiting for an event.
        thread::spawn(move || {
            thread::sleep(duration);
            let mut guard = thread_state.lock().unwrap();
            guard.completed = true;

            // 3. THE WAKE: tell the executor "I'm ready!"
            if let Some(waker) = guard.waker.take() {
                waker.wake();
            }
        });

        MyTimerFuture { state }
    }
}

// 4. THE FUTURE TRAIT: This is what the Executor calls
impl Future for MyTimerFuture {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut guard = self.state.lock().unwrap();

        if guard.completed {
            Poll::Ready("Timer Finished!".to_string())
        } else {
            // 5. THE REGISTRATION: store the Waker so the reactor knows whom to notify.
            guard.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

#[tokio::main]
async fn main() {
    let timer = MyTimerFuture::new(Duration::from_secs(2));

    println!("Waiting for the future...");

    // .await calls 'poll' initially, then goes to sleep until 'wake' is called
    let result = timer.await;

    println!("{}", result);
}
