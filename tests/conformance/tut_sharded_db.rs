// Tokio tutorial (shared state): a sharded db, `type ShardedDb = Arc<Vec<Mutex<HashMap<..>>>>`;
// a key's shard is hash(key) % db.len(), with a hand-written FNV-1a hash in u64 arithmetic.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

type ShardedDb = Arc<Vec<Mutex<HashMap<String, Vec<u8>>>>>;

fn new_sharded_db(num_shards: usize) -> ShardedDb {
    let mut db = Vec::with_capacity(num_shards);
    for _ in 0..num_shards {
        db.push(Mutex::new(HashMap::new()));
    }
    Arc::new(db)
}

fn hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in key.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

fn shard_of(db: &ShardedDb, key: &str) -> usize {
    (hash(key) % db.len() as u64) as usize
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let db = new_sharded_db(4);
    let keys = ["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"];
    for key in keys {
        println!("hash({key:?}) = {:#018x} -> shard {}", hash(key), shard_of(&db, key));
    }

    let mut tasks = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let db = db.clone();
        let key = key.to_string();
        tasks.push(tokio::spawn(async move {
            let mut shard = db[shard_of(&db, &key)].lock().unwrap();
            shard.insert(key, vec![i as u8; i + 1]);
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }

    for (i, shard) in db.iter().enumerate() {
        let shard = shard.lock().unwrap();
        let mut names: Vec<_> = shard.keys().cloned().collect();
        names.sort();
        println!("shard {i}: {} keys {:?}", shard.len(), names);
    }
    let shard = db[shard_of(&db, "grape")].lock().unwrap();
    println!("grape -> {:?}", shard.get("grape"));
}
