// Seed example (async notes): what the compiler makes of get_user_data — an enum with one variant
// per state (Start, WaitingForDb, Finished), written by hand around a leaf FetchFuture.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct FetchFuture {
    id: u32,
    polls: u32,
}

impl Future for FetchFuture {
    type Output = String;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        self.polls += 1;
        if self.polls < 3 {
            println!("  FetchFuture({}) poll {}: Pending", self.id, self.polls);
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            println!("  FetchFuture({}) poll {}: Ready", self.id, self.polls);
            Poll::Ready(format!("user-{}", self.id))
        }
    }
}

#[derive(Debug)]
struct User {
    name: String,
}

enum GetUserDataStateMachine {
    Start(u32),
    WaitingForDb(FetchFuture), // Saving the state while we wait
    Finished,
}

impl Future for GetUserDataStateMachine {
    type Output = User;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<User> {
        loop {
            match &mut *self {
                GetUserDataStateMachine::Start(id) => {
                    println!("Start -> WaitingForDb");
                    let fut = FetchFuture { id: *id, polls: 0 };
                    *self = GetUserDataStateMachine::WaitingForDb(fut);
                }
                GetUserDataStateMachine::WaitingForDb(fut) => match Pin::new(fut).poll(cx) {
                    Poll::Ready(raw) => {
                        println!("WaitingForDb -> Finished");
                        *self = GetUserDataStateMachine::Finished;
                        return Poll::Ready(User { name: raw.to_uppercase() });
                    }
                    Poll::Pending => return Poll::Pending,
                },
                GetUserDataStateMachine::Finished => panic!("polled after completion"),
            }
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("another task runs while main is Pending");
    });
    let user = GetUserDataStateMachine::Start(7).await;
    println!("{:?}", user);
}
