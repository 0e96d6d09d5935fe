// The seed's "hand-written async/await": tokio_main awaits hello, which awaits print_async, each a
// struct with an enum state, polled with Pin::new; a plain `fn main` builds a runtime to block_on it.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct PrintFuture;
impl Future for PrintFuture {
    type Output = ();
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        println!("Hello, async world!");
        Poll::Ready(())
    }
}

enum HelloState { Start, AwaitingPrint(PrintFuture), Done }
struct HelloFuture { state: HelloState }
impl Future for HelloFuture {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            match &mut self.state {
                HelloState::Start => {
                    println!("hello: Start -> AwaitingPrint");
                    self.state = HelloState::AwaitingPrint(PrintFuture);
                }
                HelloState::AwaitingPrint(p) => {
                    if Pin::new(p).poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    println!("hello: AwaitingPrint -> Done");
                    self.state = HelloState::Done;
                    return Poll::Ready(());
                }
                HelloState::Done => panic!("hello polled after Done"),
            }
        }
    }
}

enum MainState { Start, AwaitingHello(HelloFuture), Done }
struct TokioMainFuture { state: MainState }
impl Future for TokioMainFuture {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            match &mut self.state {
                MainState::Start => {
                    println!("tokio_main: Start -> AwaitingHello");
                    self.state = MainState::AwaitingHello(HelloFuture { state: HelloState::Start });
                }
                MainState::AwaitingHello(h) => match Pin::new(h).poll(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(()) => {
                        println!("tokio_main: AwaitingHello -> Done");
                        self.state = MainState::Done;
                        return Poll::Ready(());
                    }
                },
                MainState::Done => panic!("tokio_main polled after Done"),
            }
        }
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    rt.block_on(TokioMainFuture { state: MainState::Start });
    println!("block_on returned");
}
