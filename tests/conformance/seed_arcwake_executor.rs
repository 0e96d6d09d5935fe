// Seed example (tokio notes), verbatim: a tiny executor whose Task re-schedules itself through a
// std mpsc channel (futures' ArcWake). It runs the task, then blocks forever in recv(): `sender` is
// still alive in main, so the channel never closes (real Rust hangs here).
use futures::task::{ArcWake, waker_ref};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, mpsc};
use std::task::{Context, Poll};

// Define a Task struct which wraps the future and an executor channel sender
struct Task {
    future: Mutex<Pin<Box<dyn Future<Output = ()> + Send>>>,
    task_sender: mpsc::Sender<Arc<Task>>,
}

impl Task {
    // Schedule the task by sending it to the executor queue
    fn schedule(self: &Arc<Self>) {
        let _ = self.task_sender.send(self.clone());
    }

    // Poll the wrapped future, passing the Context with the Waker
    fn poll(self: Arc<Self>) {
        // Create a Waker from this task
        let waker = waker_ref(&self);
        let mut cx = Context::from_waker(&*waker);

        // Lock and poll the future
        let mut future = self.future.lock().unwrap();
        if let Poll::Pending = future.as_mut().poll(&mut cx) {
            // Future is not ready, it will call waker.wake() when ready
        }
        // If ready, the future completes and task won't be rescheduled
    }

    // Spawn a new task from a Future
    fn spawn(future: impl Future<Output = ()> + Send + 'static, sender: mpsc::Sender<Arc<Task>>) {
        let task = Arc::new(Task {
            future: Mutex::new(Box::pin(future)),
            task_sender: sender,
        });
        task.schedule(); // Schedule initial polling
    }
}

// Implement ArcWake so that when waker.wake() is called, it reschedules the task
impl ArcWake for Task {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        arc_self.schedule();
    }
}

fn main() {
    // Create a channel for scheduling tasks
    let (sender, receiver) = mpsc::channel::<Arc<Task>>();

    // Spawn a simple async task
    Task::spawn(
        async {
            println!("Hello from async task!");
        },
        sender.clone(),
    );

    // Simple executor loop: receive tasks and poll them
    while let Ok(task) = receiver.recv() {
        task.poll();
    }
}
