// Waker::will_wake: two wakers handed to the same task (on different polls) wake the same task,
// so will_wake is true; a waker from a different task gives false.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use tokio::task::yield_now;

struct GrabWaker {
    slot: Arc<Mutex<Option<Waker>>>,
}

impl Future for GrabWaker {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        *self.slot.lock().unwrap() = Some(cx.waker().clone());
        Poll::Ready(())
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let first = Arc::new(Mutex::new(None));
    let second = Arc::new(Mutex::new(None));
    let other = Arc::new(Mutex::new(None));
    let (f, s) = (first.clone(), second.clone());
    let task_a = tokio::spawn(async move {
        GrabWaker { slot: f }.await;
        yield_now().await;
        GrabWaker { slot: s }.await;
    });
    let o = other.clone();
    let task_b = tokio::spawn(async move {
        GrabWaker { slot: o }.await;
    });
    task_a.await.unwrap();
    task_b.await.unwrap();
    let a1 = first.lock().unwrap().take().unwrap();
    let a2 = second.lock().unwrap().take().unwrap();
    let b = other.lock().unwrap().take().unwrap();
    println!("task A poll 1 vs task A poll 2: will_wake = {}", a1.will_wake(&a2));
    println!("task A vs task B: will_wake = {}", a1.will_wake(&b));
}
