// Language: generic functions, structs, enums and impls with trait bounds and where clauses;
// an impl block that exists only for some T; a generic cache shared by tasks behind Arc<Mutex<..>>.
use std::collections::HashMap;
use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::sync::{Arc, Mutex};

fn largest<T: PartialOrd + Copy>(items: &[T]) -> T {
    let mut best = items[0];
    for &item in items { if item > best { best = item; } }
    best
}

#[derive(Debug)]
struct Pair<T> { a: T, b: T }

impl<T> Pair<T> { fn new(a: T, b: T) -> Self { Pair { a, b } } }

impl<T: PartialOrd + Display> Pair<T> {
    fn larger(&self) -> String {
        if self.a >= self.b { format!("a = {}", self.a) } else { format!("b = {}", self.b) }
    }
}

#[derive(Debug)]
enum Either<L, R> { Left(L), Right(R) }

fn summarize<T, U>(t: T, u: &U) -> String
where
    T: Display,
    U: Debug + ?Sized,
{ format!("{t} / {u:?}") }

struct Cache<K, V> { map: HashMap<K, V>, hits: u32, misses: u32 }

impl<K, V> Cache<K, V>
where
    K: Eq + Hash + Clone,
    V: Clone,
{
    fn new() -> Self { Cache { map: HashMap::new(), hits: 0, misses: 0 } }

    fn get_or_compute(&mut self, key: K, compute: impl FnOnce(&K) -> V) -> V {
        if let Some(v) = self.map.get(&key) {
            self.hits += 1;
            return v.clone();
        }
        self.misses += 1;
        let v = compute(&key);
        self.map.insert(key, v.clone());
        v
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{} {} {:?}", largest(&[3, 9, 2]), largest(&[1.5, -2.0]), largest(&['x', 'b', 'z']));
    let p = Pair::new(3, 8);
    println!("{:?} -> {}", p, p.larger());
    println!("{}", Pair::new("pear", "apple").larger());
    let items: Vec<Either<i32, String>> = vec![Either::Left(1), Either::Right("two".into())];
    println!("{:?}", items);
    println!("{}", summarize(2.5, "str slice"));
    println!("{}", summarize('c', &[1, 2][..]));

    let cache: Arc<Mutex<Cache<u64, String>>> = Arc::new(Mutex::new(Cache::new()));
    let mut tasks = Vec::new();
    for n in [4u64, 7, 4, 4, 7, 9] {
        let cache = Arc::clone(&cache);
        tasks.push(tokio::spawn(async move {
            let v = cache.lock().unwrap().get_or_compute(n, |k| format!("{k}^2={}", k * k));
            v
        }));
    }
    let mut results = Vec::new();
    for t in tasks { results.push(t.await.unwrap()); }
    let c = cache.lock().unwrap();
    println!("{:?}", results);
    println!("hits {}, misses {}, size {}", c.hits, c.misses, c.map.len());
}
