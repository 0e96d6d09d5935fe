// Lesson program (src/lessons/programs/tasks-vs-futures.rs): Tasks vs futures; a JoinHandle awaited, dropped (detached) and aborted.
// Only a future handed to tokio::spawn becomes a task: the runtime runs it on its own, and its
// JoinHandle lets you wait for its result (.await), let it go (drop: it keeps running) or cancel
// it (abort: awaiting the handle then gives a JoinError that is_cancelled).
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let plain = async {
        println!("plain future: runs when main awaits it");
        1
    };
    let awaited = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("awaited task: done at 100 ms");
        2
    });
    let detached = tokio::spawn(async {
        sleep(Duration::from_millis(200)).await;
        println!("detached task: done at 200 ms");
    });
    let aborted = tokio::spawn(async {
        sleep(Duration::from_millis(300)).await;
        println!("aborted task: never printed");
    });
    println!("main: plain future returned {}", plain.await);
    println!("main: awaited task returned {:?}", awaited.await);
    drop(detached);
    aborted.abort();
    let err = aborted.await.unwrap_err();
    println!("main: aborted task is_cancelled: {}", err.is_cancelled());
    sleep(Duration::from_millis(400)).await;
    println!("main: done at 500 ms");
}
