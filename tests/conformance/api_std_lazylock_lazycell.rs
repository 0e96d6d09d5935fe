// std::sync::LazyLock (Rust 1.80): a static built on first use, exactly once, even when several tasks
// reach it; method calls and indexing go through Deref. std::cell::LazyCell: the same for a local.
// `LazyLock::force` initialises explicitly; Debug shows `<uninit>` until then.
use std::cell::LazyCell;
use std::collections::HashMap;
use std::sync::LazyLock;

static CONFIG: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    println!("initialising CONFIG");
    HashMap::from([("workers", 4), ("retries", 3)])
});

static GREETING: LazyLock<String> = LazyLock::new(|| "hello".to_uppercase());

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("before first use");
    let mut handles = Vec::new();
    for i in 0..3 {
        handles.push(tokio::spawn(async move {
            let w = CONFIG["workers"];
            println!("task {} sees workers = {}", i, w);
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("retries = {}", CONFIG.get("retries").unwrap());
    println!("{} has {} chars", *GREETING, GREETING.len());

    let lazy = LazyCell::new(|| {
        println!("computing");
        6 * 7
    });
    println!("not yet: {:?}", lazy);
    println!("value {}", *lazy);
    println!("again {} and {:?}", *lazy + 1, lazy);
    let other: LazyLock<Vec<u8>> = LazyLock::new(|| vec![1, 2, 3]);
    println!("{:?}", other);
    let v = LazyLock::force(&other);
    println!("forced {:?} -> {:?}", v, other);
}
