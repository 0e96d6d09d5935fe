// A learner's slip: `handle.block_on(tokio::time::sleep(..))` calls `sleep` before `block_on` has
// entered the runtime, on a thread outside every runtime, so `sleep` panics (no reactor running).
use std::time::Duration;
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let handle = rt.handle().clone();
    println!("sleeping through the handle");
    handle.block_on(tokio::time::sleep(Duration::from_millis(10)));
    println!("never printed");
}
