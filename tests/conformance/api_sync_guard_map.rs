// Mapping a lock guard to one part of the data: MutexGuard::map gives a MappedMutexGuard that still
// holds the lock (another task's lock() waits until it is dropped); RwLockReadGuard::map keeps a read
// lock on one entry while other readers come in; RwLockWriteGuard::map changes just one entry;
// try_map hands the guard back when the closure finds nothing.
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

#[derive(Debug, Default)]
struct Stats {
    hits: u32,
    names: Vec<String>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let stats = Arc::new(Mutex::new(Stats::default()));
    let s2 = stats.clone();
    let mut hits = MutexGuard::map(stats.lock().await, |s| &mut s.hits);
    *hits += 1;
    let waiter = tokio::spawn(async move {
        let mut g = s2.lock().await;
        g.names.push("waiter".to_string());
        println!("waiter got the lock: {:?}", *g);
    });
    tokio::time::sleep(Duration::from_millis(10)).await;
    println!("mapped guard still holds the lock, hits = {:?}", hits);
    *hits += 1;
    drop(hits);
    waiter.await.unwrap();

    let table = RwLock::new(HashMap::from([("a", 1), ("b", 2)]));
    {
        let a = RwLockReadGuard::map(table.read().await, |m| m.get("a").unwrap());
        let b = table.read().await;
        println!("a = {}, b = {}", *a, b["b"]);
    }
    {
        let mut b = RwLockWriteGuard::map(table.write().await, |m| m.get_mut("b").unwrap());
        *b *= 10;
        println!("b now {}", *b);
    }
    let missing = RwLockWriteGuard::try_map(table.write().await, |m| m.get_mut("z"));
    match missing {
        Ok(_) => println!("found z"),
        Err(guard) => println!("no z; the guard came back with {} entries", guard.len()),
    }
    let m = Mutex::new(vec![7, 8, 9]);
    let first = MutexGuard::try_map(m.lock().await, |v| v.first_mut());
    println!("first: {:?}", first.map(|g| *g).ok());
    println!("final b = {}", table.read().await["b"]);
}
