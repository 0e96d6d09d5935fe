// An echo server and its client in one program, on one thread. Each socket is an I/O source in the
// Reactor panel: readiness bits set by the I/O driver, and a reader and a writer slot for wakers.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7000").await.unwrap();
    let server = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 16];
        loop {
            let n = sock.read(&mut buf).await.unwrap();
            if n == 0 {
                println!("server: the client hung up");
                return;
            }
            println!("server: read {} bytes, echoing them", n);
            sock.write_all(&buf[..n]).await.unwrap();
        }
    });
    let mut client = TcpStream::connect("127.0.0.1:7000").await.unwrap();
    client.write_all(b"ping").await.unwrap();
    let mut reply = [0u8; 16];
    let n = client.read(&mut reply).await.unwrap();
    println!("client: got {:?} back", String::from_utf8_lossy(&reply[..n]));
    drop(client);
    server.await.unwrap();
}
