// mini-tokio with std only: the same Task and channel run queue, but the waker comes from
// `impl std::task::Wake for Task` and `Waker::from(Arc<Task>)`. A timer thread wakes a sleeping task;
// tasks are polled in the order they were (re)scheduled, and the loop ends when all are done.
use std::future::Future;
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

struct Task {
    id: usize,
    future: Mutex<Pin<Box<dyn Future<Output = ()> + Send>>>,
    queue: mpsc::Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        println!("  wake: task {} goes back on the queue", self.id);
        let q = self.queue.clone();
        q.send(self).unwrap();
    }
}

// The tutorial's Delay: when not yet due, it starts a thread that sleeps until `when`, then wakes.
struct Delay { when: Instant }

impl Future for Delay {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.when {
            return Poll::Ready(());
        }
        let waker = cx.waker().clone();
        let when = self.when;
        thread::spawn(move || {
            thread::sleep(when.saturating_duration_since(Instant::now()));
            waker.wake();
        });
        Poll::Pending
    }
}

fn main() {
    let (tx, rx) = mpsc::channel::<Arc<Task>>();
    let delays = [250u64, 0, 100];
    for (id, ms) in delays.into_iter().enumerate() {
        let future = async move {
            println!("task {id}: start, waiting {ms}ms");
            Delay { when: Instant::now() + Duration::from_millis(ms) }.await;
            println!("task {id}: done");
        };
        tx.send(Arc::new(Task { id, future: Mutex::new(Box::pin(future)), queue: tx.clone() })).unwrap();
    }
    drop(tx);
    while let Ok(task) = rx.recv() {
        let waker = Waker::from(task.clone());
        let mut cx = Context::from_waker(&waker);
        let poll = task.future.lock().unwrap().as_mut().poll(&mut cx);
        println!("executor: task {} -> {:?}", task.id, poll);
    }
    println!("executor: queue closed, exiting");
}
