// tokio gives every task an id from one process-wide counter, and a multi_thread runtime's worker
// threads are started through the blocking pool, each taking an id: with 4 workers, the first task
// the program spawns is task 5. The ids show in JoinError's Display and Debug.
use std::time::Duration;
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_multi_thread().worker_threads(4).enable_all().build().unwrap();
    rt.block_on(async {
        let sleeper = tokio::spawn(async {
            tokio::time::sleep(Duration::from_secs(60)).await;
        });
        let other = tokio::spawn(async {
            tokio::time::sleep(Duration::from_secs(60)).await;
        });
        sleeper.abort();
        other.abort();
        let e1 = sleeper.await.unwrap_err();
        let e2 = other.await.unwrap_err();
        println!("first spawned task: {e1}");
        println!("second spawned task: {e2:?}");
        let blocking = tokio::task::spawn_blocking(|| panic!("blocking job failed"));
        let e3 = blocking.await.unwrap_err();
        println!("spawn_blocking takes the next id: {e3}");
    });
}
