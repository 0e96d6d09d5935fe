// readable() + try_read, the loop from tokio's docs: two tasks wait on the same socket's readiness.
use std::io;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:7910").await?;
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        for part in ["one", "two", "three"] {
            tokio::time::sleep(Duration::from_millis(50)).await;
            sock.write_all(part.as_bytes()).await.unwrap();
        }
    });
    let stream = TcpStream::connect("127.0.0.1:7910").await?;
    let mut buf = [0u8; 64];
    match stream.try_read(&mut buf) {
        Ok(n) => println!("try_read before any data: {} bytes", n),
        Err(e) => println!("try_read before any data: {:?} / {}", e.kind(), e),
    }
    loop {
        stream.readable().await?;
        match stream.try_read(&mut buf) {
            Ok(0) => {
                println!("end of stream");
                break;
            }
            Ok(n) => println!("read {:?}", String::from_utf8_lossy(&buf[..n])),
            Err(ref e) if e.kind() == io::ErrorKind::WouldBlock => {
                println!("spurious readiness: {}", e);
                continue;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
