// Tokio tutorial (select): select! over two oneshot receivers; the losing branch's receiver is
// dropped, which its sender sees through `closed()`, cancelling the slow operation in that task.
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::time::sleep;

async fn some_operation() -> String {
    sleep(Duration::from_millis(100)).await;
    "slow result".to_string()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = tokio::time::Instant::now();
    let (mut tx1, rx1) = oneshot::channel();
    let (tx2, rx2) = oneshot::channel();

    let t1 = tokio::spawn(async move {
        // Select on the operation and the oneshot's `closed()` notification.
        tokio::select! {
            val = some_operation() => {
                let _ = tx1.send(val);
                "sent"
            }
            _ = tx1.closed() => {
                // `some_operation()` is canceled, the task completes and `tx1` is dropped.
                "cancelled: the receiver was dropped"
            }
        }
    });

    tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        let _ = tx2.send("two");
    });

    let mut out = String::new();
    tokio::select! {
        val = rx1 => {
            out.push_str(&format!("rx1 completed first with {:?}", val));
        }
        val = rx2 => {
            out.push_str(&format!("rx2 completed first with {:?}", val));
        }
    }
    println!("{}", out);
    println!("task 1: {}", t1.await.unwrap());
    println!("elapsed: {}ms", start.elapsed().as_millis());
}
