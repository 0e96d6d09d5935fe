// Seed example (notes on from_utf8_lossy): a byte stream is not necessarily valid UTF-8. A read can
// cut a character in half; from_utf8_lossy shows U+FFFD there, while decoding all bytes at the end works.
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let bytes = "héllo wörld".as_bytes();
        sock.write_all(&bytes[..2]).await.unwrap(); // cuts 'é' in half
        tokio::time::sleep(Duration::from_millis(50)).await;
        sock.write_all(&bytes[2..]).await.unwrap();
    });

    let mut sock = TcpStream::connect(addr).await.unwrap();
    let mut all = Vec::new();
    let mut buf = [0u8; 64];
    loop {
        let n = sock.read(&mut buf).await.unwrap();
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        println!("read {n} bytes {:?} -> {:?}", chunk, String::from_utf8_lossy(chunk));
        all.extend_from_slice(chunk);
    }
    println!("all bytes: {:?}", String::from_utf8(all.clone()));
    all.push(0xff);
    match String::from_utf8(all) {
        Ok(s) => println!("valid: {s}"),
        Err(e) => println!("invalid: {e}; lossy: {}", String::from_utf8_lossy(e.as_bytes())),
    }
}
