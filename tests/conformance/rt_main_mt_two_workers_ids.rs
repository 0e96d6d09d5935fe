// `#[tokio::main(worker_threads = 2)]` builds a multi_thread runtime whose two workers take task ids
// 1 and 2, so the program's tasks count from 3. A current_thread runtime has no worker threads.
use std::time::Duration;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut handles = Vec::new();
    for i in 0..3u64 {
        handles.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(10 * (i + 1))).await;
            if i == 1 {
                panic!("task number {i} gives up");
            }
            i
        }));
    }
    for h in handles {
        match h.await {
            Ok(v) => println!("ok: {v}"),
            Err(e) => println!("error: {e} (panic? {})", e.is_panic()),
        }
    }
    let late = tokio::spawn(async { tokio::time::sleep(Duration::from_secs(5)).await });
    late.abort();
    println!("{:?}", late.await.unwrap_err());
}
