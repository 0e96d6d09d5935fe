// join! polls every unfinished future on each poll of the join, but tokio 1.24 rotates which one
// goes first: poll 1 starts at a, poll 2 at b, poll 3 at c, ... (visible because each future prints).
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Steps {
    name: String,
    left: u32,
}

impl Future for Steps {
    type Output = String;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        println!("  poll {} ({} left)", self.name, self.left);
        if self.left == 0 {
            return Poll::Ready(self.name.clone());
        }
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (a, b, c) = tokio::join!(
        Steps { name: "a".to_string(), left: 1 },
        Steps { name: "b".to_string(), left: 3 },
        Steps { name: "c".to_string(), left: 2 },
    );
    println!("joined: {a} {b} {c}");
}
