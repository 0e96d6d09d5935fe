// tokio's coop budget makes a busy receive loop yield after 128 ready operations so other tasks run;
// `task::unconstrained` turns that off, and the loop drains all 300 messages without yielding.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc;

async fn drain(label: &'static str, unconstrained: bool) {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    for i in 0..300 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let received = Arc::new(AtomicUsize::new(0));
    let seen = received.clone();
    let observer = tokio::spawn(async move {
        println!("{label}: observer ran after {} messages", seen.load(Ordering::SeqCst));
    });
    let counter = received.clone();
    let work = async move {
        while rx.recv().await.is_some() {
            counter.fetch_add(1, Ordering::SeqCst);
        }
    };
    if unconstrained {
        tokio::task::unconstrained(work).await;
    } else {
        work.await;
    }
    observer.await.unwrap();
    println!("{label}: drained {}", received.load(Ordering::SeqCst));
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    drain("budgeted", false).await;
    drain("unconstrained", true).await;
}
