// A Barrier for 3 with only 2 tasks: both wait forever for the third party.
use std::sync::Arc;
use tokio::sync::Barrier;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let barrier = Arc::new(Barrier::new(3));
    let mut hs = Vec::new();
    for id in 0..2 {
        let b = barrier.clone();
        hs.push(tokio::spawn(async move {
            println!("task {id} waits");
            b.wait().await;
            println!("task {id} passed");
        }));
    }
    for h in hs {
        h.await.unwrap();
    }
}
