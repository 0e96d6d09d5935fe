// futures helpers: `future::ready` is already complete, FutureExt::map transforms an output,
// `boxed()` erases types so different futures fit in one Vec<BoxFuture>, and `fuse` makes a
// completed future safe to poll again (it stays Pending instead of panicking).
use futures::future::{self, BoxFuture, FutureExt};
use futures::task::noop_waker;
use std::task::{Context, Poll};

async fn add(a: i32, b: i32) -> i32 {
    a + b
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let r = future::ready(5).await;
    println!("ready: {r}");
    let doubled = add(2, 3).map(|x| x * 2).await;
    println!("mapped: {doubled}");

    let jobs: Vec<BoxFuture<'static, String>> = vec![
        future::ready(String::from("ready string")).boxed(),
        add(1, 1).map(|n| format!("sum {n}")).boxed(),
        async { String::from("async block") }.boxed(),
    ];
    for job in jobs {
        println!("boxed: {}", job.await);
    }

    let waker = noop_waker();
    let mut cx = Context::from_waker(&waker);
    let mut fused = future::ready(1).fuse();
    println!("first poll: {:?}", fused.poll_unpin(&mut cx));
    println!("second poll: {:?}", fused.poll_unpin(&mut cx));
    println!("is_terminated: {}", futures::future::FusedFuture::is_terminated(&fused));
    let mut p = future::pending::<u8>();
    println!("pending polled: {:?}", matches!(p.poll_unpin(&mut cx), Poll::Pending));
}
