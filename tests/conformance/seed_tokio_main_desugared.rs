// Seed example (tokio main notes): what #[tokio::main] is replaced with — a runtime made with the
// Builder pattern, then block_on(the async main). Once multi_thread, then current_thread.
use tokio::runtime::Builder;

async fn hello() {
    println!("Hello, async world!");
}

async fn tokio_main() {
    hello().await;
}

fn main() {
    Builder::new_multi_thread() // uses a builder pattern
        .enable_all()
        .build()
        .unwrap()
        .block_on(tokio_main()); // block the main thread until the async fn is done

    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let n = rt.block_on(async {
        tokio_main().await;
        21 * 2
    });
    println!("block_on returned {n}");
}
