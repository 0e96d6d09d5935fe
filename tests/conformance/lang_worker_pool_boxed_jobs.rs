// Language: a worker pool fed with boxed closures — `type Job = Box<dyn FnOnce() -> String + Send>` —
// through an mpsc channel shared by workers as Arc<tokio::sync::Mutex<Receiver<Job>>>.
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, Mutex};

const PACE_MS: [u64; 3] = [10, 25, 45];

type Job = Box<dyn FnOnce() -> String + Send + 'static>;

fn make_job(i: u32) -> Job {
    match i % 3 {
        0 => Box::new(move || format!("job {i}: square = {}", i * i)),
        1 => {
            let text = "x".repeat(i as usize);
            Box::new(move || format!("job {i}: text = {text}"))
        }
        _ => Box::new(move || format!("job {i}: even = {}", i % 2 == 0)),
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, rx) = mpsc::channel::<Job>(4);
    let rx = Arc::new(Mutex::new(rx));
    let (results_tx, mut results_rx) = mpsc::unbounded_channel::<(usize, String)>();

    let mut workers = Vec::new();
    for id in 0..3 {
        let rx = Arc::clone(&rx);
        let results_tx = results_tx.clone();
        workers.push(tokio::spawn(async move {
            let mut done = 0;
            loop {
                let job = {
                    let mut guard = rx.lock().await;
                    guard.recv().await
                };
                let Some(job) = job else { break };
                tokio::time::sleep(Duration::from_millis(PACE_MS[id])).await;
                results_tx.send((id, job())).unwrap();
                done += 1;
            }
            done
        }));
    }
    drop(results_tx);

    for i in 0..7 {
        if tx.send(make_job(i)).await.is_err() {
            println!("all workers are gone");
            break;
        }
    }
    drop(tx);

    let mut per_worker = Vec::new();
    for w in workers {
        per_worker.push(w.await.unwrap());
    }
    let mut results = Vec::new();
    while let Some(r) = results_rx.recv().await {
        results.push(r);
    }
    for (worker, line) in &results {
        println!("worker {worker}: {line}");
    }
    println!("jobs per worker: {:?}, total {}", per_worker, per_worker.iter().sum::<i32>());
}
