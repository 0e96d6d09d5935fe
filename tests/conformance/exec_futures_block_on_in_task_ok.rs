// `futures::executor::block_on` inside a tokio task is allowed: it polls its future right there on the
// worker thread, blocking it. A future that is ready at once (or made ready by this thread) is fine,
// even a tokio oneshot (its waker is futures' own thread waker).
use futures::executor::block_on;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let n = tokio::spawn(async {
        let (tx, rx) = tokio::sync::oneshot::channel::<u32>();
        tx.send(41).unwrap();
        block_on(async { rx.await.unwrap() + 1 })
    })
    .await
    .unwrap();
    println!("futures block_on inside a task returned {n}");
}
