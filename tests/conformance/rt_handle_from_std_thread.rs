// A runtime's Handle can be cloned into a std thread: the thread spawns a task onto the runtime with
// `handle.spawn` and waits for it with `handle.block_on`, while main waits on the same runtime.
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::sync::oneshot;

fn main() {
    let rt = Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
    let handle = rt.handle().clone();
    let (tx, rx) = oneshot::channel::<usize>();
    let thread = std::thread::spawn(move || {
        let task = handle.spawn(async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            String::from("computed on the runtime")
        });
        let text = handle.block_on(task).unwrap();
        println!("std thread: got '{text}'");
        tx.send(text.len()).unwrap();
    });
    let len = rt.block_on(async {
        let inner = tokio::runtime::Handle::current();
        let n = inner.spawn(async { 7 }).await.unwrap();
        println!("main: Handle::current spawned a task that returned {n}");
        rx.await.unwrap()
    });
    println!("main: the thread's text had {len} bytes");
    thread.join().unwrap();
}
