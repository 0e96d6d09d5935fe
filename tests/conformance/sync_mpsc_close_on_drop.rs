// recv() returns None only after EVERY sender (including clones moved into tasks) is dropped and
// the buffer is empty; each sender task drops its clone when it finishes.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<(u32, u32)>(10);
    for id in 1..=3u32 {
        let tx = tx.clone();
        tokio::spawn(async move {
            for n in 0..2u32 {
                tx.send((id, n)).await.unwrap();
            }
            println!("sender {id}: finished");
        });
    }
    drop(tx);
    println!("main: dropped its own sender");
    while let Some((id, n)) = rx.recv().await {
        println!("main: got message {n} from sender {id}");
    }
    println!("main: recv returned None, all senders are gone");
}
