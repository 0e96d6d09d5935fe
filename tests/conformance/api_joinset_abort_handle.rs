// `JoinSet::spawn` returns an AbortHandle: aborting one task makes `join_next` yield a cancelled
// JoinError for it, while the others finish normally, in the order they complete.
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut set = JoinSet::new();
    let mut handles = Vec::new();
    for (name, ms) in [("slow", 300u64), ("medium", 200), ("fast", 100)] {
        handles.push(set.spawn(async move {
            sleep(Duration::from_millis(ms)).await;
            name
        }));
    }
    println!("tasks in the set: {}", set.len());
    handles[1].abort();
    while let Some(res) = set.join_next().await {
        match res {
            Ok(name) => println!("finished: {name}"),
            Err(e) if e.is_cancelled() => println!("cancelled: {e}"),
            Err(e) => println!("failed: {e}"),
        }
    }
    println!("set is empty: {}", set.is_empty());
}
