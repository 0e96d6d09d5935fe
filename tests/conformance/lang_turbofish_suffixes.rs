// Language: turbofish (`mpsc::channel::<u64>(8)`), integer suffixes in ranges (`0..6u64`), type
// annotations, compound assignment and integer division/remainder on u64 values.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u64>(8);
    tokio::spawn(async move {
        for i in 0..6u64 {
            tx.send(i * i).await.unwrap();
        }
    });
    let mut sum: u64 = 0;
    let mut count: u64 = 0;
    let mut received: Vec<u64> = Vec::new();
    while let Some(v) = rx.recv().await {
        sum += v;
        count += 1;
        received.push(v);
    }
    println!("received {:?}", received);
    println!("sum {sum}, mean {} remainder {}", sum / count, sum % count);
    let mut x = 100u32;
    x -= 1;
    x *= 2;
    x /= 3;
    println!("x = {x}");
}
