// Language: generic async fns with bounds — a retry helper taking `F: FnMut() -> Fut` where
// `Fut: Future<Output = Result<T, E>>`, a timed wrapper, and a generic fn spawning `T: Send + 'static`.
use std::fmt::Debug;
use std::future::Future;
use std::time::Duration;
use tokio::time::{sleep, Instant};

async fn retry<F, Fut, T, E>(mut attempt: F, max: u32) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
    E: Debug,
{
    let mut n = 1;
    loop {
        match attempt(n).await {
            Ok(v) => return Ok(v),
            Err(e) if n < max => {
                println!("  attempt {n} failed: {e:?}, retrying");
                sleep(Duration::from_millis(100 * n as u64)).await;
                n += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

async fn timed<T>(label: &str, fut: impl Future<Output = T>) -> T {
    let start = Instant::now();
    let out = fut.await;
    println!("{label} took {}ms", start.elapsed().as_millis());
    out
}

async fn spawn_all<T>(items: Vec<T>) -> Vec<String>
where
    T: Debug + Send + 'static,
{
    let handles: Vec<_> = items.into_iter().map(|item| tokio::spawn(async move { format!("{item:?}") })).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

async fn flaky(attempt: u32, succeed_on: u32) -> Result<String, String> {
    sleep(Duration::from_millis(5)).await;
    if attempt >= succeed_on {
        Ok(format!("ok on attempt {attempt}"))
    } else {
        Err(format!("error #{attempt}"))
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let r = timed("retry(3)", retry(|n| flaky(n, 3), 5)).await;
    println!("{:?}", r);
    let r: Result<String, String> = timed("retry(give up)", retry(|n| flaky(n, 10), 2)).await;
    println!("{:?}", r);
    let numbers: Result<u8, std::num::ParseIntError> = retry(|_| async { "42".parse::<u8>() }, 1).await;
    println!("{:?}", numbers);
    println!("{:?}", spawn_all(vec![1, 2, 3]).await);
    println!("{:?}", spawn_all(vec![Some("a"), None]).await);
    println!("{:?}", timed("sleep", sleep(Duration::from_millis(42))).await);
}
