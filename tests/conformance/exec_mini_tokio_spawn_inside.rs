// mini-tokio whose tasks spawn tasks: the run queue is an mpsc channel of Arc<Task>; a task's
// future may send a new task on a cloned Sender. The loop ends when every Sender is gone: main drops
// its own, and each task's Sender goes when the task is dropped after finishing.
use std::future::Future;
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

struct Task {
    name: String,
    future: Mutex<Option<Pin<Box<dyn Future<Output = ()> + Send>>>>,
    queue: mpsc::Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let q = self.queue.clone();
        q.send(self).unwrap();
    }
}

fn spawn(name: &str, queue: &mpsc::Sender<Arc<Task>>, f: impl Future<Output = ()> + Send + 'static) {
    let task = Arc::new(Task {
        name: name.to_string(),
        future: Mutex::new(Some(Box::pin(f))),
        queue: queue.clone(),
    });
    queue.send(task).unwrap();
}

struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

fn main() {
    let (tx, rx) = mpsc::channel::<Arc<Task>>();
    let child_tx = tx.clone();
    spawn("parent", &tx, async move {
        println!("parent: spawning two children");
        for i in 0..2 {
            spawn(&format!("child {i}"), &child_tx, async move {
                println!("child {i}: first half");
                YieldOnce(false).await;
                println!("child {i}: second half");
            });
        }
        YieldOnce(false).await;
        println!("parent: done");
    });
    drop(tx);
    let mut polls = 0;
    while let Ok(task) = rx.recv() {
        let mut slot = task.future.lock().unwrap();
        if let Some(mut fut) = slot.take() {
            polls += 1;
            let waker = Waker::from(task.clone());
            let mut cx = Context::from_waker(&waker);
            match fut.as_mut().poll(&mut cx) {
                Poll::Ready(()) => println!("executor: {} finished", task.name),
                Poll::Pending => {
                    println!("executor: {} pending", task.name);
                    *slot = Some(fut);
                }
            }
        }
    }
    println!("executor: no more senders after {polls} polls");
}
