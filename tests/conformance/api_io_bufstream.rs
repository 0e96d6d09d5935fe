// BufStream = BufReader + BufWriter around one stream: writes stay in the buffer until `flush`, so
// the peer sees nothing (a read with a timeout elapses); after the flush, lines arrive and are read
// with read_line from the peer's own BufStream.
use std::time::Duration;
use tokio::io::{self, AsyncBufReadExt, AsyncWriteExt, BufStream};
use tokio::time::timeout;

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let (a, b) = io::duplex(256);
    let mut a = BufStream::new(a);
    let mut b = BufStream::new(b);

    a.write_all(b"hello\n").await?;
    a.write_all(b"second line\n").await?;
    let mut line = String::new();
    let early = timeout(Duration::from_millis(20), b.read_line(&mut line)).await;
    println!("before flush: {:?}", early.is_err());

    a.flush().await?;
    line.clear();
    let n = b.read_line(&mut line).await?;
    println!("{} bytes: {:?}", n, line);
    line.clear();
    b.read_line(&mut line).await?;
    println!("then: {:?}", line);

    b.write_all(b"reply\n").await?;
    b.flush().await?;
    line.clear();
    a.read_line(&mut line).await?;
    println!("a got: {:?}", line.trim_end());
    let inner = a.into_inner();
    drop(inner);
    line.clear();
    let eof = b.read_line(&mut line).await?;
    println!("after a is dropped: {} bytes", eof);
    Ok(())
}
