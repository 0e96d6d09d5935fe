// Seed example (tokio main notes): async/await by hand. TokioMainFuture awaits HelloFuture, which
// awaits PrintAsync; each is a struct + state enum, and inner futures are pinned with unsafe
// Pin::new_unchecked. PrintAsync is Pending once, so the whole chain is polled twice.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct PrintAsync { polled: bool }

impl Future for PrintAsync {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if !self.polled {
            println!("    PrintAsync: Pending (asks to be polled again)");
            self.polled = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        println!("Hello, async world!");
        Poll::Ready(())
    }
}

enum HelloState { Start, AwaitingPrint(PrintAsync), Done }
struct HelloFuture { state: HelloState }

impl Future for HelloFuture {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = unsafe { self.get_unchecked_mut() };
        loop {
            match &mut this.state {
                HelloState::Start => {
                    println!("  HelloFuture: Start -> AwaitingPrint");
                    this.state = HelloState::AwaitingPrint(PrintAsync { polled: false });
                }
                HelloState::AwaitingPrint(inner) => {
                    let inner = unsafe { Pin::new_unchecked(inner) };
                    if inner.poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    println!("  HelloFuture: AwaitingPrint -> Done");
                    this.state = HelloState::Done;
                    return Poll::Ready(());
                }
                HelloState::Done => panic!("HelloFuture polled after completion"),
            }
        }
    }
}

enum TokioMainState { Start, AwaitingHello(HelloFuture), Done }
struct TokioMainFuture { state: TokioMainState, polls: u32 }

impl Future for TokioMainFuture {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        let this = unsafe { self.get_unchecked_mut() };
        this.polls += 1;
        println!("TokioMainFuture poll #{}", this.polls);
        loop {
            match &mut this.state {
                TokioMainState::Start => this.state = TokioMainState::AwaitingHello(HelloFuture { state: HelloState::Start }),
                TokioMainState::AwaitingHello(hello) => {
                    if unsafe { Pin::new_unchecked(hello) }.poll(cx).is_pending() { return Poll::Pending; }
                    this.state = TokioMainState::Done;
                    return Poll::Ready(this.polls);
                }
                TokioMainState::Done => panic!("TokioMainFuture polled after completion"),
            }
        }
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let polls = rt.block_on(TokioMainFuture { state: TokioMainState::Start, polls: 0 });
    println!("block_on returned after {polls} polls");
}
