// Language: futures as values — `Pin<Box<dyn Future<Output = T> + Send>>` in a Vec and a HashMap,
// a fn returning a boxed future, recursion through Box::pin, and Vec<JoinHandle<T>> from an iterator.
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::{sleep, Instant};

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

fn delayed(label: &'static str, ms: u64) -> BoxFuture<String> {
    Box::pin(async move {
        sleep(Duration::from_millis(ms)).await;
        format!("{label} after {ms}ms")
    })
}

fn countdown(n: u32) -> BoxFuture<u32> {
    Box::pin(async move {
        if n == 0 {
            return 0;
        }
        tokio::task::yield_now().await;
        n + countdown(n - 1).await
    })
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut futs: Vec<BoxFuture<String>> = Vec::new();
    futs.push(delayed("a", 30));
    futs.push(Box::pin(async { "b right away".to_string() }));
    futs.push(delayed("c", 10));
    for f in futs {
        println!("{} (at {}ms)", f.await, start.elapsed().as_millis());
    }

    let mut named: HashMap<&str, BoxFuture<String>> = HashMap::new();
    named.insert("slow", delayed("slow", 20));
    named.insert("fast", delayed("fast", 5));
    let mut keys: Vec<&str> = named.keys().copied().collect();
    keys.sort();
    for k in keys {
        let f = named.remove(k).unwrap();
        println!("{k}: {}", f.await);
    }

    println!("recursive countdown(10) = {}", countdown(10).await);

    let handles: Vec<JoinHandle<(u64, u64)>> = [40u64, 10, 25]
        .iter()
        .map(|&ms| {
            tokio::spawn(async move {
                sleep(Duration::from_millis(ms)).await;
                (ms, start.elapsed().as_millis() as u64)
            })
        })
        .collect();
    let mut results = Vec::new();
    for h in handles {
        results.push(h.await.unwrap());
    }
    println!("joined in spawn order: {:?}", results);
    let spawned_boxed = tokio::spawn(delayed("boxed in a task", 1));
    println!("{}", spawned_boxed.await.unwrap());
    println!("total {}ms", start.elapsed().as_millis());
}
