// `Runtime::new()` (a multi_thread runtime) outside any async code: `rt.spawn` starts a task right
// away on a worker, and `rt.block_on(handle)` waits for its result from plain `fn main`.
use std::time::Duration;
use tokio::runtime::Runtime;

fn main() {
    let rt = Runtime::new().unwrap();
    let handle = rt.spawn(async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        println!("spawned: done sleeping");
        21 * 2
    });
    println!("main: spawned, now blocking on the JoinHandle");
    let answer = rt.block_on(handle).unwrap();
    println!("main: the task answered {answer}");
    let again = rt.block_on(async { answer + 1 });
    println!("main: a second block_on gives {again}");
}
