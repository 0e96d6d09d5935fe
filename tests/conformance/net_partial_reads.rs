// Reading into a small buffer: one 16-byte message arrives whole, the client takes it 5 bytes at a time.
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7904").await.unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        sock.write_all(b"abcdefghijklmnop").await.unwrap();
        println!("server: sent 16 bytes, closing");
    });
    let mut client = TcpStream::connect("127.0.0.1:7904").await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut buf = [0u8; 5];
    loop {
        let n = client.read(&mut buf).await.unwrap();
        println!("read {} bytes: {:?}", n, String::from_utf8_lossy(&buf[..n]));
        if n == 0 {
            break;
        }
    }
}
