// flat_map over streams that wait: each outer item becomes a ReceiverStream fed by its own task.
// flatten drains one inner stream completely before pulling the next outer item, so the output is
// grouped by producer even though the producers interleave in time.
use futures::stream::{self, StreamExt};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

fn producer(id: u64) -> ReceiverStream<String> {
    let (tx, rx) = mpsc::channel(4);
    tokio::spawn(async move {
        for i in 0..3 {
            tokio::time::sleep(Duration::from_millis(10 * (4 - id))).await;
            println!("producer {} sends {}", id, i);
            tx.send(format!("p{}-{}", id, i)).await.unwrap();
        }
    });
    ReceiverStream::new(rx)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut all = stream::iter(1..=2).flat_map(producer);
    while let Some(msg) = all.next().await {
        println!("got {}", msg);
    }
    println!("done");
}
