// mini-tokio from the seed notes: a Task holds its future in Mutex<Pin<Box<dyn Future>>> and a
// Sender to the run queue; ArcWake re-sends the task when woken. Main drops its own Sender, so the
// executor loop ends once every task has finished and no waker is left.
use futures::task::{waker_ref, ArcWake};
use std::future::Future;
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread;
use std::time::Duration;

struct Task {
    name: &'static str,
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
        let state = future.as_mut().poll(&mut cx);
        let state = if state.is_ready() { "Ready" } else { "Pending" };
        println!("executor: polled {} -> {state}", self.name);
    }
    fn spawn(
        name: &'static str,
        future: impl Future<Output = ()> + Send + 'static,
        sender: mpsc::Sender<Arc<Task>>,
    ) {
        let task = Arc::new(Task { name, future: Mutex::new(Box::pin(future)), task_sender: sender });
        task.schedule();
    }
}

impl ArcWake for Task {
    fn wake_by_ref(arc_self: &Arc<Self>) {
        arc_self.schedule();
    }
}

// A timer future: the first poll starts a thread that sleeps, then wakes the stored waker.
struct Sleep { ms: u64, shared: Option<Arc<Mutex<(bool, Option<Waker>)>>> }

impl Future for Sleep {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let ms = self.ms;
        let shared = self.shared.get_or_insert_with(|| {
            let s = Arc::new(Mutex::new((false, None::<Waker>)));
            let t = s.clone();
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(ms));
                let mut g = t.lock().unwrap();
                g.0 = true;
                if let Some(w) = g.1.take() { w.wake(); }
            });
            s
        });
        let mut g = shared.lock().unwrap();
        if g.0 { Poll::Ready(()) } else { g.1 = Some(cx.waker().clone()); Poll::Pending }
    }
}

fn main() {
    let (sender, receiver) = mpsc::channel::<Arc<Task>>();
    Task::spawn("hello", async { println!("Hello from async task!") }, sender.clone());
    Task::spawn("sleeper", async {
        println!("sleeper: going to sleep 50ms");
        Sleep { ms: 50, shared: None }.await;
        println!("sleeper: awake");
    }, sender.clone());
    drop(sender);
    while let Ok(task) = receiver.recv() {
        task.poll();
    }
    println!("executor: run queue closed, all tasks done");
}
