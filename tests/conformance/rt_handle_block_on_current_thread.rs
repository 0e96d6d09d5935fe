// `Handle::block_on` on a current_thread runtime from a std thread, while main drives the runtime with
// `Runtime::block_on`: the std thread polls its own future (it never takes the runtime's core); the task
// it spawns and the timer it waits on run on main's thread, which drives the runtime.
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::sync::oneshot;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let handle = rt.handle().clone();
    let (done_tx, done_rx) = oneshot::channel::<&'static str>();
    let worker = std::thread::spawn(move || {
        let answer = handle.block_on(async {
            let task = tokio::spawn(async {
                println!("spawned task runs on {:?}", std::thread::current().name());
                6 * 7
            });
            tokio::time::sleep(Duration::from_millis(20)).await;
            println!("std thread woke from its sleep on {:?}", std::thread::current().name());
            task.await.unwrap()
        });
        done_tx.send("std thread finished").unwrap();
        answer
    });
    let msg = rt.block_on(async { done_rx.await.unwrap() });
    println!("main: {msg}");
    println!("main: the std thread returned {}", worker.join().unwrap());
}
