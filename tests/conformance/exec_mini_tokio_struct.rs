// The tokio tutorial's MiniTokio as a struct with `spawn` and `run`, std-only (Wake + mpsc). `run`
// consumes the executor and drops its own Sender first, so it returns when the last task finishes.
use std::future::Future;
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Wake, Waker};
use std::time::Duration;

struct Task {
    future: Mutex<Pin<Box<dyn Future<Output = ()> + Send>>>,
    executor: mpsc::Sender<Arc<Task>>,
}

impl Task {
    fn schedule(self: &Arc<Self>) {
        let _ = self.executor.send(self.clone());
    }
    fn poll(self: Arc<Self>) {
        let waker = Waker::from(self.clone());
        let mut cx = Context::from_waker(&waker);
        let mut future = self.future.try_lock().unwrap();
        let _ = future.as_mut().poll(&mut cx);
    }
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        self.schedule();
    }
}

struct MiniTokio {
    scheduled: mpsc::Receiver<Arc<Task>>,
    sender: mpsc::Sender<Arc<Task>>,
}

impl MiniTokio {
    fn new() -> MiniTokio {
        let (sender, scheduled) = mpsc::channel();
        MiniTokio { scheduled, sender }
    }
    fn spawn<F: Future<Output = ()> + Send + 'static>(&self, future: F) {
        let future: Pin<Box<dyn Future<Output = ()> + Send>> = Box::pin(future);
        let task = Arc::new(Task { future: Mutex::new(future), executor: self.sender.clone() });
        task.schedule();
    }
    fn run(self) {
        drop(self.sender);
        let mut polls = 0;
        while let Ok(task) = self.scheduled.recv() {
            polls += 1;
            task.poll();
        }
        println!("mini-tokio: no tasks left after {polls} polls");
    }
}

fn main() {
    let mini = MiniTokio::new();
    let (tx, rx) = tokio::sync::oneshot::channel::<&str>();
    mini.spawn(async move {
        println!("waiter: awaiting a tokio oneshot inside mini-tokio");
        let msg = rx.await.unwrap();
        println!("waiter: got {msg:?}");
    });
    mini.spawn(async move {
        println!("sender: starting a std thread to send later");
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            tx.send("hi from a thread").unwrap();
        });
    });
    mini.run();
}
