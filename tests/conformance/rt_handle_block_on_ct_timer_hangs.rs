// A current_thread runtime's timers are driven only by `Runtime::block_on`: `Handle::block_on` of an
// async block that sleeps, with no thread inside `Runtime::block_on`, never wakes (tokio's docs say
// so), and the program hangs.
use std::time::Duration;
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let handle = rt.handle().clone();
    println!("sleeping through the handle");
    handle.block_on(async { tokio::time::sleep(Duration::from_millis(10)).await });
    println!("never printed");
}
