// main (the block_on future) also runs under a 128-unit coop budget: draining an always-ready
// channel in main is preempted after 128 recvs, which lets a spawned task run mid-loop.
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<u32>();
    for i in 0..200u32 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let count = Arc::new(Mutex::new(0u32));
    let seen = count.clone();
    tokio::spawn(async move {
        println!("spawned task runs: main has received {} so far", *seen.lock().unwrap());
    });
    while let Some(v) = rx.recv().await {
        *count.lock().unwrap() += 1;
        if v == 0 || v == 199 {
            println!("main received {v}");
        }
    }
    println!("main: channel closed after {}", *count.lock().unwrap());
}
