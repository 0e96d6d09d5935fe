// `#[tokio::main]` is runtime 1; a second runtime is built inside spawn_blocking (building one on a
// runtime thread is fine, only blocking on it there panics) and used from that blocking thread.
use tokio::runtime::Builder;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let n = tokio::task::spawn_blocking(|| {
        let rt = Builder::new_multi_thread().worker_threads(2).build().unwrap();
        let v = rt.block_on(async {
            let a = tokio::spawn(async { 2 });
            let b = tokio::spawn(async { 3 });
            a.await.unwrap() * b.await.unwrap()
        });
        v * 7
    })
    .await
    .unwrap();
    println!("second runtime returned {n}");
}
