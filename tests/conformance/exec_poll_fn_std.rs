// `std::future::poll_fn` builds a future from a closure: it returns Pending twice (waking itself each
// time so it is polled again) and then Ready; a spawned task gets its turn in between.
use std::future::poll_fn;
use std::task::Poll;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("spawned task: runs while main is Pending");
    });
    let mut polls = 0;
    let value = poll_fn(|cx| {
        polls += 1;
        println!("poll_fn: poll {polls}");
        if polls < 3 {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(polls * 100)
        }
    })
    .await;
    println!("main: poll_fn returned {value}");
}
