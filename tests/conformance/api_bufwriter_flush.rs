// BufWriter collects small writes in memory: nothing reaches the other end of a duplex pipe until the
// buffer is flushed, then the reader sees everything at once. `read_buf` appends into a Vec.
use tokio::io::{duplex, AsyncReadExt, AsyncWriteExt, BufWriter};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (a, mut b) = duplex(64);
    let mut w = BufWriter::new(a);
    for word in ["alpha ", "beta ", "gamma"] {
        w.write_all(word.as_bytes()).await.unwrap();
        println!("wrote {word:?}, buffered {} bytes", w.buffer().len());
    }
    let peek = tokio::spawn(async move {
        let mut buf = Vec::with_capacity(64);
        let n = b.read_buf(&mut buf).await.unwrap();
        println!("reader: read_buf got {n} bytes: {}", String::from_utf8_lossy(&buf));
        let n = b.read_buf(&mut buf).await.unwrap();
        println!("reader: then {n} bytes, total {:?}", String::from_utf8_lossy(&buf));
    });
    tokio::task::yield_now().await;
    println!("flushing");
    w.flush().await.unwrap();
    println!("buffered after flush: {}", w.buffer().len());
    tokio::task::yield_now().await;
    w.shutdown().await.unwrap();
    peek.await.unwrap();
}
