// select_biased! polls its branches in the order written (select! shuffles them). A channel
// turned into a fused stream is read until a pinned, fused sleep fires; the loop ends on the
// timeout, and a second loop drains what is left until the channel closes.
use futures::{pin_mut, select_biased, FutureExt, StreamExt};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = mpsc::channel(8);
    tokio::spawn(async move {
        for i in 0..5 {
            tx.send(i).await.unwrap();
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        println!("producer done");
    });
    let mut rx = ReceiverStream::new(rx).fuse();
    let timeout = tokio::time::sleep(Duration::from_millis(70)).fuse();
    pin_mut!(timeout);
    loop {
        select_biased! {
            v = rx.next() => match v {
                Some(v) => println!("got {}", v),
                None => { println!("closed"); break; }
            },
            _ = timeout => { println!("timeout"); break; }
        }
    }
    while let Some(v) = rx.next().await {
        println!("drained {}", v);
    }
}
