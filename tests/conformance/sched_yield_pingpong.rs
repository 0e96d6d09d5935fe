// Two tasks alternate by calling yield_now: each yield parks the task on the defer list and the
// other task runs; deferred tasks are re-queued in FIFO order, so the output strictly alternates.
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ping = tokio::spawn(async {
        for round in 1..=3 {
            println!("ping {round}");
            yield_now().await;
        }
    });
    let pong = tokio::spawn(async {
        for round in 1..=3 {
            println!("pong {round}");
            yield_now().await;
        }
    });
    ping.await.unwrap();
    pong.await.unwrap();
    println!("done");
}
