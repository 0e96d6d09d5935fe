// A runtime built without `enable_time` (or `enable_all`) has no timer driver: the first
// `tokio::time::sleep` panics inside block_on. Tasks without timers run fine.
use std::time::Duration;
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_current_thread().build().unwrap();
    let n = rt.block_on(async {
        let t = tokio::spawn(async { 20 + 1 });
        t.await.unwrap() * 2
    });
    println!("no timers needed: {n}");
    rt.block_on(async {
        println!("now sleeping...");
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("never printed");
    });
}
