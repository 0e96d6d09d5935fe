// A panicking spawned task whose JoinHandle was dropped does not affect the process: main keeps
// going and exits 0 (tokio 1.24's default is to ignore unhandled task panics).
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    tokio::spawn(async {
        println!("task: panicking");
        panic!("detached task failed");
    });
    yield_now().await;
    println!("main: still running after the task panicked");
}
