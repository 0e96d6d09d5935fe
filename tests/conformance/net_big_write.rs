// A write bigger than the socket buffers: the writer waits for the reader to make room.
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7907").await.unwrap();
    let writer = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let data = vec![7u8; 4_000_000];
        sock.write_all(&data).await.unwrap();
        println!("writer: all 4000000 bytes written");
    });
    let mut client = TcpStream::connect("127.0.0.1:7907").await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    println!("reader: writer finished before reading? {}", writer.is_finished());
    let mut total = 0;
    let mut buf = vec![0u8; 65536];
    loop {
        let n = client.read(&mut buf).await.unwrap();
        if n == 0 {
            break;
        }
        total += n;
    }
    println!("reader: {} bytes", total);
    writer.await.unwrap();
}
