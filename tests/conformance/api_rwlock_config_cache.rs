// A config cache behind Arc<RwLock<HashMap>>: many reader tasks look values up while a writer task
// reloads the config. Readers share the lock; the writer waits for them and then blocks new readers.
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::RwLock;
use tokio::time::sleep;

type Config = Arc<RwLock<HashMap<String, String>>>;

async fn lookup(cfg: &Config, key: &str) -> Option<String> {
    let map = cfg.read().await;
    map.get(key).cloned()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let cfg: Config = Arc::new(RwLock::new(HashMap::new()));
    cfg.write().await.insert("mode".to_string(), "dev".to_string());
    println!("initial: {:?}", lookup(&cfg, "mode").await);

    let mut tasks = Vec::new();
    for id in 0..3 {
        let cfg = cfg.clone();
        tasks.push(tokio::spawn(async move {
            for round in 0..3 {
                let guard = cfg.read().await;
                println!("reader {id} round {round}: mode = {:?}", guard.get("mode"));
                drop(guard);
                sleep(Duration::from_millis(40)).await;
            }
        }));
    }
    let writer = {
        let cfg = cfg.clone();
        tokio::spawn(async move {
            sleep(Duration::from_millis(50)).await;
            let mut map = cfg.write().await;
            println!("writer: reloading");
            map.insert("mode".to_string(), "prod".to_string());
            map.insert("workers".to_string(), "4".to_string());
            sleep(Duration::from_millis(10)).await;
            println!("writer: done, {} keys", map.len());
        })
    };
    for t in tasks {
        t.await.unwrap();
    }
    writer.await.unwrap();
    let snapshot = cfg.read().await;
    let mut keys: Vec<_> = snapshot.keys().cloned().collect();
    keys.sort();
    println!("final keys: {keys:?}");
    println!("try_write while reading: {}", cfg.try_write().is_err());
    drop(snapshot);
    match cfg.try_write() {
        Ok(mut g) => {
            g.clear();
            println!("try_write after the read guard dropped: ok, cleared");
        }
        Err(e) => println!("try_write failed: {e}"),
    }
    println!("debug: {:?}", cfg);
}
