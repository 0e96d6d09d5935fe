// Language: hand-written future combinators over !Unpin inner futures (tokio's Sleep, async fns),
// projecting the pin with unsafe `get_unchecked_mut`, `Pin::new_unchecked` and `map_unchecked_mut`.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// Counts how many times the inner future was polled.
struct CountPolls<F> {
    inner: F,
    polls: u32,
}

impl<F: Future> Future for CountPolls<F> {
    type Output = (F::Output, u32);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // Safety: `inner` is never moved out of `self`.
        let this = unsafe { self.get_unchecked_mut() };
        this.polls += 1;
        let inner = unsafe { Pin::new_unchecked(&mut this.inner) };
        match inner.poll(cx) {
            Poll::Ready(v) => Poll::Ready((v, this.polls)),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Applies a function to the inner future's output.
struct MapOutput<F, M> {
    fut: F,
    map: Option<M>,
}

impl<F, M, T> Future for MapOutput<F, M>
where
    F: Future,
    M: FnOnce(F::Output) -> T,
{
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let fut = unsafe { self.as_mut().map_unchecked_mut(|s| &mut s.fut) };
        match fut.poll(cx) {
            Poll::Ready(v) => {
                let map = unsafe { self.get_unchecked_mut() }.map.take().expect("polled after completion");
                Poll::Ready(map(v))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

async fn three_yields() -> &'static str {
    for _ in 0..3 {
        tokio::task::yield_now().await;
    }
    "yielded three times"
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (out, polls) = CountPolls { inner: tokio::time::sleep(Duration::from_millis(100)), polls: 0 }.await;
    println!("sleep finished {:?} after {polls} polls", out);

    let (msg, polls) = CountPolls { inner: three_yields(), polls: 0 }.await;
    println!("{msg} after {polls} polls");

    let len = MapOutput { fut: three_yields(), map: Some(|s: &str| s.len()) }.await;
    println!("mapped output: {len}");

    let nested = CountPolls { inner: MapOutput { fut: async { 20 }, map: Some(|n: i32| n + 1) }, polls: 0 };
    let handle = tokio::spawn(nested);
    println!("nested in a task: {:?}", handle.await.unwrap());
}
