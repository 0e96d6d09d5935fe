// Tokio tutorial (async in depth): the Delay that keeps its Waker in an Arc<Mutex<Waker>> and
// replaces it when !will_wake. poll_fn polls it once in main, then moves it into a new task.
use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

struct Delay {
    when: Instant,
    // This is Some when we have spawned a thread, and None otherwise.
    waker: Option<Arc<Mutex<Waker>>>,
}

impl Future for Delay {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.when {
            return Poll::Ready(());
        }
        if let Some(waker) = &self.waker {
            let mut waker = waker.lock().unwrap();
            // The Delay may have moved to a different task since the last poll.
            if !waker.will_wake(cx.waker()) {
                println!("poll: a different task polls me now, updating the stored waker");
                *waker = cx.waker().clone();
            } else {
                println!("poll: same task as before");
            }
        } else {
            println!("poll: first poll, starting the timer thread");
            let when = self.when;
            let waker = Arc::new(Mutex::new(cx.waker().clone()));
            self.waker = Some(waker.clone());
            thread::spawn(move || {
                let now = Instant::now();
                if now < when {
                    thread::sleep(when - now);
                }
                let waker = waker.lock().unwrap();
                waker.wake_by_ref();
            });
        }
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let when = Instant::now() + Duration::from_millis(50);
    let mut delay = Some(Delay { when, waker: None });

    let handle = poll_fn(move |cx| {
        let mut delay = delay.take().unwrap();
        let res = Pin::new(&mut delay).poll(cx);
        assert!(res.is_pending());
        Poll::Ready(tokio::spawn(async move {
            delay.await;
            "delay completed inside the spawned task"
        }))
    })
    .await;

    println!("{}", handle.await.unwrap());
}
