// A leaf future that keeps one stored waker and replaces it only when the new Context's waker would
// not wake the same task (`will_wake`), the pattern tokio's own resources use. Polled first with one
// waker, then with a clone (kept), then with a different waker (replaced).
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

struct Named(&'static str);
impl Wake for Named {
    fn wake(self: Arc<Self>) {
        println!("wake goes to {}", self.0);
    }
}

struct Leaf {
    stored: Arc<Mutex<Option<Waker>>>,
}

impl Future for Leaf {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut slot = self.stored.lock().unwrap();
        match slot.as_ref() {
            Some(w) if w.will_wake(cx.waker()) => println!("same waker: kept"),
            Some(_) => {
                println!("different waker: replaced");
                *slot = Some(cx.waker().clone());
            }
            None => {
                println!("first poll: stored");
                *slot = Some(cx.waker().clone());
            }
        }
        Poll::Pending
    }
}

fn main() {
    let stored = Arc::new(Mutex::new(None));
    let mut leaf = Leaf { stored: stored.clone() };
    let a = Waker::from(Arc::new(Named("executor A")));
    let a2 = a.clone();
    let b = Waker::from(Arc::new(Named("executor B")));
    for w in [&a, &a2, &b] {
        let mut cx = Context::from_waker(w);
        let _ = Pin::new(&mut leaf).poll(&mut cx);
    }
    let w = stored.lock().unwrap().take().unwrap();
    w.wake();
}
