// Language: u64 values above 2^53 as keys and elements — HashMap/HashSet keys, equality, sorting and
// dedup must treat 2^53 + 1 and 2^53 as different numbers, and the same u64 computed two ways as equal.
use std::collections::{BTreeMap, HashMap, HashSet};

fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let big: u64 = 1 << 53;
    let mut seen = HashSet::new();
    for x in [big, big + 1, big + 2, big + 1, (big + 2) - 1, big * 2 / 2] {
        println!("insert {x}: {}", seen.insert(x));
    }
    println!("len {}", seen.len());
    let mut owners: HashMap<u64, &str> = HashMap::new();
    let names = ["alice", "bob", "carol"];
    let handles: Vec<_> = names.iter().map(|&n| tokio::spawn(async move { (hash(n), n) })).collect();
    for h in handles {
        let (k, n) = h.await.unwrap();
        owners.insert(k, n);
    }
    println!("{:?}", owners.get(&hash("bob")));
    println!("{:?}", owners.get(&(hash("bob") - 1)));
    let mut keys: Vec<u64> = owners.keys().copied().collect();
    keys.sort();
    println!("{:?}", keys);
    let by_bucket: BTreeMap<u64, &str> = owners.iter().map(|(k, v)| (k % 7, *v)).collect();
    println!("{:?}", by_bucket);
    let mut v = vec![u64::MAX, big + 1, big, big + 1, u64::MAX - 1];
    v.sort();
    v.dedup();
    println!("{:?} {}", v, v.contains(&(u64::MAX / 2 * 2 + 1)));
    println!("{}", v.iter().filter(|&&x| x > big).count());
}
