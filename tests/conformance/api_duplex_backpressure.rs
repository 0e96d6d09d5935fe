// duplex(8) holds at most 8 bytes: a writer that gets ahead of its reader waits until the reader has
// made room. `write` returns how many bytes the pipe took; write_all keeps going until all are in.
use std::time::Duration;
use tokio::io::{duplex, AsyncReadExt, AsyncWriteExt};
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let (mut a, mut b) = duplex(8);
    let n = a.write(b"0123456789abc").await.unwrap();
    println!("one write took {n} of 13 bytes");
    let reader = tokio::spawn(async move {
        let mut buf = [0u8; 5];
        let mut total = Vec::new();
        loop {
            sleep(Duration::from_millis(100)).await;
            let n = b.read(&mut buf).await.unwrap();
            if n == 0 {
                break;
            }
            println!("  reader at {}ms: {:?}", start.elapsed().as_millis(), String::from_utf8_lossy(&buf[..n]));
            total.extend_from_slice(&buf[..n]);
        }
        total.len()
    });
    a.write_all(b"-the rest of a longer message-").await.unwrap();
    println!("write_all done at {}ms", start.elapsed().as_millis());
    drop(a);
    println!("reader got {} bytes in all", reader.await.unwrap());
}
