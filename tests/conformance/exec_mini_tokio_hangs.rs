// The seed's mini-tokio exactly as written: the task runs and prints, but main still holds a Sender,
// so `receiver.recv()` waits forever for another task. Real Rust never exits: a deadlock.
use futures::task::{waker_ref, ArcWake};
use std::future::Future;
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Poll};

struct Task {
    future: Mutex<Pin<Box<dyn Future<Output = ()> + Send>>>,
    task_sender: mpsc::Sender<Arc<Task>>,
}

impl Task {
    fn schedule(self: &Arc<Self>) {
        let _ = self.task_sender.send(self.clone());
    }
    fn poll(self: Arc<Self>) {
        let waker = waker_ref(&self);
        let mut cx = Context::from_waker(&*waker);
        let mut future = self.future.lock().unwrap();
        if let Poll::Pending = future.as_mut().poll(&mut cx) {
            // Not ready: it will call waker.wake() when it is.
        }
    }
    fn spawn(future: impl Future<Output = ()> + Send + 'static, sender: mpsc::Sender<Arc<Task>>) {
        let task = Arc::new(Task { future: Mutex::new(Box::pin(future)), task_sender: sender });
        task.schedule();
    }
}

impl ArcWake for Task {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        arc_self.schedule();
    }
}

fn main() {
    let (sender, receiver) = mpsc::channel::<Arc<Task>>();
    Task::spawn(async { println!("Hello from async task!"); }, sender.clone());
    while let Ok(task) = receiver.recv() {
        task.poll();
    }
    println!("never printed: main still holds `sender`");
}
