// Each std thread builds its own current_thread runtime and runs async work on it; the main thread
// builds a third one to wait for both through a tokio channel (blocking_recv outside any runtime).
use std::thread;
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::sync::mpsc;

fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(4);
    let mut threads = Vec::new();
    for (i, name) in ["left", "right"].into_iter().enumerate() {
        let tx = tx.clone();
        threads.push(thread::spawn(move || {
            let rt = Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async move {
                tokio::time::sleep(Duration::from_millis(20 + 40 * i as u64)).await;
                let inner = tokio::spawn(async move { format!("{name} finished") });
                tx.send(inner.await.unwrap()).await.unwrap();
            });
        }));
    }
    drop(tx);
    let main_rt = Builder::new_current_thread().enable_all().build().unwrap();
    main_rt.block_on(async {
        while let Some(msg) = rx.recv().await {
            println!("main runtime got: {msg}");
        }
    });
    for t in threads {
        t.join().unwrap();
    }
    println!("all runtimes done");
}
