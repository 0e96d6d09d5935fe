// `Handle::block_on` on a current_thread runtime with nobody in `Runtime::block_on`: futures that need
// no runtime run to completion on the calling thread, and a JoinHandle of a task that already finished
// is ready, but the runtime's tasks are not run by it.
use tokio::runtime::Builder;
use tokio::sync::mpsc;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let handle = rt.handle().clone();
    let n = handle.block_on(async {
        let (tx, mut rx) = mpsc::channel(2);
        tx.send(20).await.unwrap();
        tx.send(22).await.unwrap();
        rx.recv().await.unwrap() + rx.recv().await.unwrap()
    });
    println!("channel sum: {n}");
    // The task is queued on the runtime; only `rt.block_on` runs it.
    let task = handle.spawn(async { println!("task ran"); 1 });
    let v = rt.block_on(async { task.await.unwrap() });
    println!("after rt.block_on: {v}");
    let again = handle.block_on(async { tokio::task::yield_now().await; "yielded" });
    println!("{again}");
}
