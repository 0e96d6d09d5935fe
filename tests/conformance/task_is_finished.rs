// is_finished() is false until the task has actually completed; on current_thread a spawned task
// cannot complete before main yields. A task blocked on a oneshot stays unfinished until sent to.
use tokio::sync::oneshot;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = oneshot::channel::<u32>();
    let quick = tokio::spawn(async {
        println!("quick: done");
    });
    let waiting = tokio::spawn(async move {
        let v = rx.await.unwrap();
        println!("waiting: got {v}");
    });
    println!("before yield: quick={} waiting={}", quick.is_finished(), waiting.is_finished());
    yield_now().await;
    println!("after yield: quick={} waiting={}", quick.is_finished(), waiting.is_finished());
    tx.send(5).unwrap();
    yield_now().await;
    println!("after send: quick={} waiting={}", quick.is_finished(), waiting.is_finished());
    quick.await.unwrap();
    waiting.await.unwrap();
}
