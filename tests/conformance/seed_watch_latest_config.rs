// Seed example (tokio notes, util): a watch channel keeps only the most recent value. The sender
// updates the config 10 times in a row; the receiver wakes once and sees only the latest.
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::sleep;

#[derive(Debug, Clone)]
struct Config {
    version: u32,
    name: String,
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = watch::channel(Config { version: 0, name: "initial".to_string() });
    let reader = tokio::spawn(async move {
        let mut seen = Vec::new();
        while rx.changed().await.is_ok() {
            let cfg = rx.borrow().clone();
            println!("reader: v{} {:?}", cfg.version, cfg.name);
            seen.push(cfg.version);
            sleep(Duration::from_millis(100)).await;
        }
        seen
    });

    for v in 1..=10 {
        tx.send(Config { version: v, name: format!("config-{v}") }).unwrap();
    }
    println!("main: sent 10 updates; current is v{}", tx.borrow().version);
    sleep(Duration::from_millis(50)).await;
    tx.send(Config { version: 11, name: "late".to_string() }).unwrap();
    sleep(Duration::from_millis(200)).await;
    drop(tx);
    let seen = reader.await.unwrap();
    println!("reader saw versions {:?}", seen);
}
