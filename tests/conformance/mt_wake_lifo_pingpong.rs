// multi_thread, 1 worker: a wake from a task on the worker puts the woken task in the worker's
// LIFO slot, which runs next. So a ping-pong over mpsc keeps the worker to itself while the
// bystander, already waiting in the local queue, runs only after ping finishes.
use tokio::sync::mpsc;

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let root = tokio::spawn(async {
        let (to_pong, mut pong_rx) = mpsc::unbounded_channel::<u32>();
        let (to_ping, mut ping_rx) = mpsc::unbounded_channel::<u32>();
        let pong = tokio::spawn(async move {
            while let Some(n) = pong_rx.recv().await {
                println!("pong {n}");
                to_ping.send(n).unwrap();
            }
            println!("pong: channel closed");
        });
        let bystander = tokio::spawn(async {
            println!("bystander runs");
        });
        let ping = tokio::spawn(async move {
            for n in 1..=4 {
                println!("ping {n}");
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
