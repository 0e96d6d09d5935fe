// A classic mistake: calling `block_on` from inside async code that a runtime is already running.
// tokio refuses with a panic ("Cannot start a runtime from within a runtime"), so main exits 101.
use tokio::runtime::Runtime;

async fn fetch() -> u32 {
    5
}

fn sync_helper() -> u32 {
    let rt = Runtime::new().unwrap();
    rt.block_on(fetch())
}

fn main() {
    println!("from sync code: {}", sync_helper());
    let outer = tokio::runtime::Builder::new_current_thread().build().unwrap();
    outer.block_on(async {
        println!("inside the outer runtime, calling a sync helper");
        let v = sync_helper();
        println!("never printed: {v}");
    });
}
