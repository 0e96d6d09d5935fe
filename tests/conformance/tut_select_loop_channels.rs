// Tokio tutorial (select): a loop selecting over three mpsc receivers with `Some(msg) = rx.recv()`
// patterns; a closed channel disables its branch, and `else => break` ends the loop.
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

async fn produce(name: &'static str, tx: mpsc::Sender<String>, start_ms: u64, count: u32) {
    sleep(Duration::from_millis(start_ms)).await;
    for i in 0..count {
        tx.send(format!("{name}-{i}")).await.unwrap();
        sleep(Duration::from_millis(30)).await;
    }
    println!("  producer {name} done");
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx1, mut rx1) = mpsc::channel(128);
    let (tx2, mut rx2) = mpsc::channel(128);
    let (tx3, mut rx3) = mpsc::channel(128);

    tokio::spawn(produce("one", tx1, 0, 3));
    tokio::spawn(produce("two", tx2, 10, 2));
    tokio::spawn(produce("three", tx3, 20, 4));

    let mut received = Vec::new();
    loop {
        let msg = tokio::select! {
            Some(msg) = rx1.recv() => msg,
            Some(msg) = rx2.recv() => msg,
            Some(msg) = rx3.recv() => msg,
            else => { break }
        };
        println!("Got {:?}", msg);
        received.push(msg);
    }

    println!("All channels have been closed.");
    println!("received {} messages, last {:?}", received.len(), received.last());
}
