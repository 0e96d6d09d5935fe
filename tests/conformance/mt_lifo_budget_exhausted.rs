// multi_thread, 1 worker, tokio 1.24: the LIFO chain (each task waking the next into the LIFO
// slot) has no length cap; it runs on one coop budget of 128 units. Each successful recv costs a
// unit, so the bystander in the local queue only gets the worker when the ping-pong's budget runs out.
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let root = tokio::spawn(async {
        let round = Arc::new(Mutex::new(0));
        let (to_pong, mut pong_rx) = mpsc::unbounded_channel::<u32>();
        let (to_ping, mut ping_rx) = mpsc::unbounded_channel::<u32>();
        let pong = tokio::spawn(async move {
            while let Some(n) = pong_rx.recv().await {
                to_ping.send(n).unwrap();
            }
        });
        let seen = round.clone();
        let bystander = tokio::spawn(async move {
            println!("bystander runs during round {}", *seen.lock().unwrap());
        });
        let ping = tokio::spawn(async move {
            for n in 1..=150 {
                *round.lock().unwrap() = n;
                if n % 50 == 0 {
                    println!("ping: round {n}");
                }
                to_pong.send(n).unwrap();
                ping_rx.recv().await.unwrap();
            }
            println!("ping: done");
        });
        ping.await.unwrap();
        pong.await.unwrap();
        bystander.await.unwrap();
    });
    root.await.unwrap();
    println!("main: done");
}
