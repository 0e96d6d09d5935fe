// A global config in a `static OnceCell`: the first caller loads it, later callers get the same value.
// get_or_try_init with a failing loader leaves the cell empty so the next call retries.
use std::time::Duration;
use tokio::sync::OnceCell;

#[derive(Debug)]
struct Config {
    name: String,
    retries: u32,
}

static CONFIG: OnceCell<Config> = OnceCell::const_new();
static ATTEMPTS: OnceCell<u32> = OnceCell::const_new();

async fn config() -> &'static Config {
    CONFIG
        .get_or_init(|| async {
            println!("  (loading config)");
            tokio::time::sleep(Duration::from_millis(20)).await;
            Config { name: "svc".into(), retries: 3 }
        })
        .await
}

async fn flaky(ok: bool) -> Result<u32, String> {
    tokio::time::sleep(Duration::from_millis(5)).await;
    if ok {
        Ok(7)
    } else {
        Err("backend down".to_string())
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let a = tokio::spawn(async { config().await.retries });
    let b = tokio::spawn(async { config().await.name.clone() });
    println!("a: {}", a.await.unwrap());
    println!("b: {}", b.await.unwrap());
    println!("main: {:?}", config().await);
    println!("CONFIG.get(): {:?}", CONFIG.get().map(|c| c.retries));

    let first = ATTEMPTS.get_or_try_init(|| flaky(false)).await;
    println!("first try: {first:?}, initialized: {}", ATTEMPTS.initialized());
    let second = ATTEMPTS.get_or_try_init(|| flaky(true)).await;
    println!("second try: {second:?}, initialized: {}", ATTEMPTS.initialized());

    let cell = OnceCell::new_with(Some(5u8));
    println!("new_with: {:?} / {:?}", cell.get(), cell);
    let err = cell.set(6).unwrap_err();
    println!("set on a full cell: {err}, already init: {}, initializing: {}", err.is_already_init_err(), err.is_initializing_err());
    let mut empty: OnceCell<u8> = OnceCell::new();
    println!("empty: {:?}", empty);
    println!("take: {:?}", empty.take());
    empty.set(9).unwrap();
    println!("into_inner: {:?}", empty.into_inner());
}
