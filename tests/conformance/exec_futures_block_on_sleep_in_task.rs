// `futures::executor::block_on(tokio::time::sleep(..))` inside a task on a current_thread runtime:
// the sleep's timer is driven by the runtime's thread, which block_on is blocking, so it never fires.
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("main: blocking on a tokio sleep with futures' executor");
    futures::executor::block_on(tokio::time::sleep(Duration::from_millis(10)));
    println!("never printed");
}
