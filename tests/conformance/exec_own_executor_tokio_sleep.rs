// tokio's leaf futures need tokio's runtime: a hand-made executor (futures::executor::block_on) can
// run tokio's channels, but awaiting tokio::time::sleep there panics: no tokio runtime is current.
use std::time::Duration;

fn main() {
    let v = futures::executor::block_on(async {
        let (tx, rx) = tokio::sync::oneshot::channel();
        tx.send(5).unwrap();
        rx.await.unwrap()
    });
    println!("a tokio oneshot works under futures' block_on: {v}");
    futures::executor::block_on(async {
        println!("now awaiting tokio::time::sleep without a runtime");
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("never printed");
    });
}
