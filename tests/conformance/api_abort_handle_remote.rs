// An AbortHandle (from JoinSet::spawn) can cancel a task from another task; the victim stops at its
// next await, and a value it owns is dropped. Aborting an already finished task changes nothing.
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("{}: guard dropped", self.0);
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut set = JoinSet::new();
    let worker = set.spawn(async {
        let _g = Guard("worker");
        for i in 1.. {
            sleep(Duration::from_millis(100)).await;
            println!("worker: tick {i}");
        }
    });
    let quick = set.spawn(async { println!("quick: done") });
    tokio::spawn(async move {
        sleep(Duration::from_millis(250)).await;
        println!("killer: aborting the worker");
        worker.abort();
    });
    sleep(Duration::from_millis(50)).await;
    quick.abort();
    while let Some(res) = set.join_next().await {
        match res {
            Ok(()) => println!("a task finished normally"),
            Err(e) => println!("a task ended: cancelled = {}", e.is_cancelled()),
        }
    }
}
