// `rt.enter()` sets the runtime as current for this thread without blocking on anything, so
// `tokio::spawn` works from plain code; the spawned tasks only run once `block_on` drives the runtime.
use tokio::runtime::{Builder, Handle};

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    println!("outside: Handle::try_current is ok? {}", Handle::try_current().is_ok());
    let handle = {
        let _guard = rt.enter();
        println!("entered: Handle::try_current is ok? {}", Handle::try_current().is_ok());
        tokio::spawn(async {
            println!("task: running");
            "task result"
        })
    };
    println!("guard dropped: Handle::try_current is ok? {}", Handle::try_current().is_ok());
    println!("main: nothing has run yet, calling block_on");
    let out = rt.block_on(handle).unwrap();
    println!("main: {out}");
}
