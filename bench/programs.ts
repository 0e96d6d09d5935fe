/** Generated programs for the benchmarks (real tokio programs too: they compile under tokio 1.24). */

/**
 * `tasks` tasks that each sleep, yield and report on a channel; main waits for every report. With `workers`,
 * the same program on the multi_thread runtime.
 */
export function manyTasksProgram(tasks: number, workers = 0): string {
  const attr = workers
    ? `#[tokio::main(flavor = "multi_thread", worker_threads = ${workers})]`
    : '#[tokio::main(flavor = "current_thread")]';
  return `use std::time::Duration;
use tokio::sync::mpsc;

${attr}
async fn main() {
    let (tx, mut rx) = mpsc::channel::<u64>(64);
    for i in 0..${tasks}u64 {
        let tx = tx.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(1 + i % 10)).await;
            tokio::task::yield_now().await;
            tx.send(i).await.unwrap();
        });
    }
    drop(tx);
    let mut sum = 0u64;
    while let Some(v) = rx.recv().await {
        sum += v;
    }
    println!("sum = {}", sum);
}
`;
}

/** The same shape without channels (for when mpsc is unavailable): tasks sleep, yield, and are joined. */
export function sleepYieldProgram(tasks: number): string {
  return `use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles = Vec::new();
    for i in 0..${tasks}u64 {
        handles.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(1 + i % 10)).await;
            tokio::task::yield_now().await;
            i
        }));
    }
    let mut sum = 0u64;
    for h in handles {
        sum += h.await.unwrap();
    }
    println!("sum = {}", sum);
}
`;
}
