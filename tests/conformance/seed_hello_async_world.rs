// Seed example (tokio main notes): the smallest tokio program, hello().await from #[tokio::main].
// The default runtime is multi_thread: main runs on the "main" thread, spawned tasks on workers.
async fn hello() {
    println!("Hello, async world!");
}

async fn where_am_i() -> String {
    std::thread::current().name().unwrap_or("unnamed").to_string()
}

#[tokio::main]
async fn main() {
    hello().await;
    println!("main runs on thread {:?}", where_am_i().await);
    let on_worker = tokio::spawn(async {
        hello().await;
        where_am_i().await
    });
    println!("a spawned task ran on {:?}", on_worker.await.unwrap());
}
