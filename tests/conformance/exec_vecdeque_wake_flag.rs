// A tiny single-threaded executor: tasks sit in a Vec, each with an AtomicBool "woken" flag that its
// Waker sets; the loop polls woken tasks in a VecDeque run queue and reports when none can progress.
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct Flag(AtomicBool);
impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 { return Poll::Ready(()); }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn main() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut tasks: Vec<Option<(Pin<Box<dyn Future<Output = ()>>>, Arc<Flag>)>> = Vec::new();
    for (name, steps) in [("a", 2), ("b", 3)] {
        let log = log.clone();
        let fut = async move {
            for i in 1..=steps {
                log.borrow_mut().push(format!("{name}{i}"));
                YieldOnce(false).await;
            }
        };
        tasks.push(Some((Box::pin(fut), Arc::new(Flag(AtomicBool::new(true))))));
    }
    tasks.push(Some((Box::pin(std::future::pending::<()>()), Arc::new(Flag(AtomicBool::new(true))))));
    let mut queue = VecDeque::new();
    for round in 1.. {
        for (i, t) in tasks.iter().enumerate() {
            if let Some((_, flag)) = t {
                if flag.0.swap(false, Ordering::SeqCst) { queue.push_back(i); }
            }
        }
        if queue.is_empty() { println!("round {round}: nothing woken"); break; }
        println!("round {round}: run queue {queue:?}");
        while let Some(i) = queue.pop_front() {
            let (fut, flag) = tasks[i].as_mut().unwrap();
            let waker = Waker::from(flag.clone());
            if fut.as_mut().poll(&mut Context::from_waker(&waker)).is_ready() {
                println!("  task {i} finished");
                tasks[i] = None;
            }
        }
    }
    let left = tasks.iter().filter(|t| t.is_some()).count();
    println!("log: {:?}; {left} task(s) never finished", log.borrow());
}
