/** Generated programs for the benchmarks (real tokio programs too: they compile under tokio 1.24). */

/**
 * `tasks` tasks that each sleep, yield and report on a channel; main waits for every report. With `workers`,
 * the same program on the multi_thread runtime.
 */
export function manyTasksProgram(tasks: number, workers = 0, paused = false): string {
  // start_paused (current_thread only, as in tokio): real tokio then skips its sleeps instead of waiting,
  // which is what the simulator does with its virtual clock — the fair comparison for the ratio rows.
  const attr = workers
    ? `#[tokio::main(flavor = "multi_thread", worker_threads = ${workers})]`
    : paused
      ? '#[tokio::main(flavor = "current_thread", start_paused = true)]'
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

/**
 * `clients` connections to an echo server (a task per connection), each sending `messages` 16-byte
 * messages and reading every echo back: the I/O driver, readiness and the loopback network under load.
 */
export function tcpEchoProgram(clients: number, messages: number, port = 6000): string {
  return `use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:${port}").await.unwrap();
    tokio::spawn(async move {
        loop {
            let (mut sock, _) = listener.accept().await.unwrap();
            tokio::spawn(async move {
                let mut buf = [0u8; 64];
                loop {
                    let n = sock.read(&mut buf).await.unwrap();
                    if n == 0 {
                        return;
                    }
                    sock.write_all(&buf[..n]).await.unwrap();
                }
            });
        }
    });
    let mut handles = Vec::new();
    for _ in 0..${clients} {
        handles.push(tokio::spawn(async move {
            let mut c = TcpStream::connect("127.0.0.1:${port}").await.unwrap();
            let mut buf = [0u8; 16];
            for _ in 0..${messages} {
                c.write_all(b"0123456789abcdef").await.unwrap();
                c.read_exact(&mut buf).await.unwrap();
            }
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("done");
}
`;
}
