// A JoinSet of jobs where some panic and one is aborted: join_next yields each result as it finishes;
// the error says whether it panicked (with its payload) or was cancelled.
use std::time::Duration;
use tokio::task::JoinSet;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut set = JoinSet::new();
    let mut aborts = Vec::new();
    for i in 0..5u64 {
        aborts.push(set.spawn(async move {
            tokio::time::sleep(Duration::from_millis(10 * (5 - i))).await;
            if i == 1 {
                panic!("job 1 exploded");
            }
            if i == 3 {
                panic!("job {} failed with code {}", i, i * 10);
            }
            i * 100
        }));
    }
    aborts[0].abort();
    println!("len {}, first finished yet? {}", set.len(), aborts[2].is_finished());
    while let Some(res) = set.join_next().await {
        match res {
            Ok(v) => println!("ok {v}"),
            Err(e) if e.is_panic() => {
                let p = e.into_panic();
                if let Some(s) = p.downcast_ref::<&str>() {
                    println!("panicked with a &str: {s}");
                } else if let Some(s) = p.downcast_ref::<String>() {
                    println!("panicked with a String: {s}");
                } else {
                    println!("panicked with something else");
                }
            }
            Err(e) => println!("error: {e} (cancelled: {})", e.is_cancelled()),
        }
    }
    println!("all finished: {}", aborts.iter().all(|a| a.is_finished()));
    let mut more = JoinSet::new();
    let quick = more.spawn(async { 5 });
    tokio::task::yield_now().await;
    println!("quick finished before join: {}", quick.is_finished());
    quick.abort();
    println!("aborting a finished task changes nothing: {:?}", more.join_next().await.map(|r| r.unwrap()));
    more.spawn(async { panic!() });
    let e = more.join_next().await.unwrap().unwrap_err();
    println!("{e}");
    println!("payload is &str: {}", e.into_panic().is::<&str>());
    more.shutdown().await;
    println!("empty set: {:?}", more.join_next().await.is_none());
}
