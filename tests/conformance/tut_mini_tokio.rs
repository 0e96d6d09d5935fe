// Tokio tutorial (async in depth): MiniTokio, a VecDeque of `Pin<Box<dyn Future + Send>>` tasks
// polled round-robin with a no-op waker until each returns Ready. Run from inside a tokio main.
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

struct Delay { when: Instant }

impl Future for Delay {
    type Output = &'static str;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if Instant::now() >= self.when {
            println!("Hello world");
            Poll::Ready("done")
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if std::mem::replace(&mut self.0, true) { Poll::Ready(()) } else { Poll::Pending }
    }
}

type Task = Pin<Box<dyn Future<Output = ()> + Send>>;

struct MiniTokio { tasks: VecDeque<Task> }

impl MiniTokio {
    fn new() -> MiniTokio { MiniTokio { tasks: VecDeque::new() } }

    /// Spawn a future onto the mini-tokio instance.
    fn spawn<F>(&mut self, future: F)
    where
        F: Future<Output = ()> + Send + 'static,
    { self.tasks.push_back(Box::pin(future)); }

    fn run(&mut self) -> usize {
        let waker = futures::task::noop_waker();
        let mut cx = Context::from_waker(&waker);
        let mut finished = 0;
        while let Some(mut task) = self.tasks.pop_front() {
            if task.as_mut().poll(&mut cx).is_pending() { self.tasks.push_back(task); } else {
                finished += 1;
            }
        }
        finished
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut mini_tokio = MiniTokio::new();
    mini_tokio.spawn(async {
        let when = Instant::now() + Duration::from_millis(10);
        let out = Delay { when }.await;
        assert_eq!(out, "done");
    });
    for name in ["a", "b"] {
        mini_tokio.spawn(async move {
            for step in 1..=3 {
                println!("task {name} step {step}");
                YieldOnce(false).await;
            }
        });
    }
    println!("spawned {} tasks", mini_tokio.tasks.len());
    let finished = mini_tokio.run();
    println!("MiniTokio finished {finished} tasks");
}
