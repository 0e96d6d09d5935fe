// `abort_all` cancels everything in a JoinSet (join_next then yields cancelled errors), while
// `detach_all` lets the tasks keep running with nobody waiting for them; an empty set yields None.
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut set = JoinSet::new();
    for i in 0..3u64 {
        set.spawn(async move {
            sleep(Duration::from_millis(100 + i)).await;
            println!("aborted set: task {i} never prints");
        });
    }
    set.abort_all();
    let mut cancelled = 0;
    while let Some(res) = set.join_next().await {
        if res.unwrap_err().is_cancelled() {
            cancelled += 1;
        }
    }
    println!("cancelled: {cancelled}, next on empty set: {:?}", set.join_next().await.is_none());

    let mut detached = JoinSet::new();
    for i in 0..3u64 {
        detached.spawn(async move {
            sleep(Duration::from_millis(10 * (i + 1))).await;
            println!("detached task {i} still ran");
        });
    }
    detached.detach_all();
    println!("after detach_all the set has {} tasks", detached.len());
    sleep(Duration::from_millis(100)).await;
    println!("main done");
}
