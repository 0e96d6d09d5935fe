// A hand-written join of any number of futures stored as Pin<Box<dyn Future<Output = u32>>>: each poll
// polls every unfinished one and keeps its output; Ready only when all are done (like join_all).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

struct JoinAll {
    futures: Vec<Option<Pin<Box<dyn Future<Output = u32>>>>>,
    outputs: Vec<Option<u32>>,
}

impl Future for JoinAll {
    type Output = Vec<u32>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Vec<u32>> {
        let this = &mut *self;
        let mut pending = 0;
        for (i, slot) in this.futures.iter_mut().enumerate() {
            if let Some(f) = slot {
                match f.as_mut().poll(cx) {
                    Poll::Ready(v) => {
                        println!("JoinAll: future {i} ready with {v}");
                        this.outputs[i] = Some(v);
                        *slot = None;
                    }
                    Poll::Pending => pending += 1,
                }
            }
        }
        if pending > 0 {
            println!("JoinAll: {pending} still pending");
            return Poll::Pending;
        }
        Poll::Ready(this.outputs.iter().map(|o| o.unwrap()).collect())
    }
}

async fn after(ms: u64, v: u32) -> u32 {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    v
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let futures: Vec<Option<Pin<Box<dyn Future<Output = u32>>>>> =
        vec![Some(Box::pin(after(20, 1))), Some(Box::pin(async { 2 })), Some(Box::pin(after(10, 3)))];
    let n = futures.len();
    let all = JoinAll { futures, outputs: vec![None; n] }.await;
    println!("joined: {all:?}");
}
