// tokio's OnceCell: several tasks call `get_or_init` at once; the first runs the (slow, async)
// initializer and the rest wait for it, so the initializer runs exactly once.
use std::time::Duration;
use tokio::sync::OnceCell;

static CONFIG: OnceCell<String> = OnceCell::const_new();

async fn load_config() -> String {
    println!("loading config (slow)...");
    tokio::time::sleep(Duration::from_millis(100)).await;
    String::from("port=8080")
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    println!("before: initialized = {}", CONFIG.initialized());
    let mut handles = Vec::new();
    for id in 1..=3 {
        handles.push(tokio::spawn(async move {
            let cfg = CONFIG.get_or_init(load_config).await;
            println!("task {id}: {cfg}");
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("get: {:?}", CONFIG.get());
    let local: OnceCell<u32> = OnceCell::new();
    println!("set first: {:?}", local.set(1));
    match local.set(2) {
        Ok(()) => println!("second set succeeded?"),
        Err(e) => println!("second set: {e} / {e:?}"),
    }
}
