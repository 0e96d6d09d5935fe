// `Handle::current().block_on(..)` inside a spawned task: the worker is already driving the runtime, so
// tokio panics ("Cannot start a runtime from within a runtime"); the panic is the task's, and main sees
// it through the JoinHandle.
use tokio::runtime::Handle;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let task = tokio::spawn(async {
        let handle = Handle::current();
        println!("task: calling block_on on the current handle");
        handle.block_on(async { 1 })
    });
    match task.await {
        Ok(v) => println!("never: {v}"),
        Err(e) => println!("task panicked: {}", e.is_panic()),
    }
}
