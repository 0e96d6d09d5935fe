// tokio's run queue, seen through wakes. A waits at a Gate, a hand-written future that stores
// A's waker. B opens the gate (waking A), then steps aside with a future that wakes itself.
// Each wake puts a task at the back of the run queue, so C, already waiting, runs first.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

struct GateState {
    open: bool,
    waker: Option<Waker>,
}

// Ready once the gate is open; until then it keeps the waker of the task waiting at it.
struct Gate {
    state: Arc<Mutex<GateState>>,
}

impl Future for Gate {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut state = self.state.lock().unwrap();
        if state.open {
            Poll::Ready(())
        } else {
            state.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

fn open(gate: &Arc<Mutex<GateState>>) {
    let mut state = gate.lock().unwrap();
    state.open = true;
    if let Some(waker) = state.waker.take() {
        waker.wake();
    }
}

// Pending once, after asking to be polled again: the task goes back in the queue, behind the others.
struct StepAside {
    done: bool,
}

impl Future for StepAside {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.done {
            return Poll::Ready(());
        }
        self.done = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let gate = Arc::new(Mutex::new(GateState { open: false, waker: None }));
    let gate_for_a = gate.clone();
    let a = tokio::spawn(async move {
        println!("A: waiting at the gate");
        Gate { state: gate_for_a }.await;
        println!("A: through the gate");
    });
    let b = tokio::spawn(async move {
        println!("B: opening the gate");
        open(&gate);
        println!("B: stepping aside");
        StepAside { done: false }.await;
        println!("B: back again");
    });
    let c = tokio::spawn(async {
        println!("C: my turn");
    });
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
    println!("main: all three done");
}
