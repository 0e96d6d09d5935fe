// Lesson program (src/lessons/programs/build-your-own-executor.rs): Build your own executor; mini-tokio with std's Wake, a channel as the run queue.
// Build your own executor (a lesson): mini-tokio with std only. A Task is an Arc holding a pinned,
// boxed future and a Sender to the run queue; `impl Wake for Task` sends the task back onto the
// queue; the executor loop takes a task off the queue, polls it, and repeats until every Sender is gone.
use std::future::Future;
use std::pin::Pin;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

/// A task: a pinned, boxed future, and the way back onto the run queue.
struct Task {
    name: &'static str,
    future: Mutex<Pin<Box<dyn Future<Output = ()> + Send>>>,
    queue: mpsc::Sender<Arc<Task>>,
}

/// Waking a task sends it back onto the run queue.
impl Wake for Task {
    fn wake(self: Arc<Self>) {
        println!("  wake: {} goes back on the queue", self.name);
        let queue = self.queue.clone();
        queue.send(self).unwrap();
    }
}

/// A timer: the first poll starts a thread that sleeps until `when`, then calls the waker.
struct Delay {
    when: Instant,
    started: bool,
}

impl Future for Delay {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if Instant::now() >= self.when {
            return Poll::Ready(());
        }
        if !self.started {
            self.started = true;
            let waker = cx.waker().clone();
            let when = self.when;
            thread::spawn(move || {
                thread::sleep(when.saturating_duration_since(Instant::now()));
                waker.wake();
            });
        }
        Poll::Pending
    }
}

fn spawn(name: &'static str, queue: &mpsc::Sender<Arc<Task>>, future: impl Future<Output = ()> + Send + 'static) {
    let task = Task { name, future: Mutex::new(Box::pin(future)), queue: queue.clone() };
    queue.send(Arc::new(task)).unwrap();
}

fn main() {
    let (queue, run_queue) = mpsc::channel::<Arc<Task>>();
    spawn("slow", &queue, async {
        println!("slow: start");
        Delay { when: Instant::now() + Duration::from_millis(100), started: false }.await;
        println!("slow: done");
    });
    spawn("fast", &queue, async {
        println!("fast: hello");
    });
    drop(queue);

    // The executor: take a task off the queue, poll it, repeat.
    while let Ok(task) = run_queue.recv() {
        let waker = Waker::from(task.clone());
        let mut cx = Context::from_waker(&waker);
        let poll = task.future.lock().unwrap().as_mut().poll(&mut cx);
        println!("executor: polled {} -> {:?}", task.name, poll);
    }
    println!("executor: every Sender is gone, the queue is closed");
}
