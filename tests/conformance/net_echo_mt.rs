// An echo server with a task per connection, on the multi-thread runtime; three clients in turn.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7906").await.unwrap();
    tokio::spawn(async move {
        loop {
            let (mut sock, _) = listener.accept().await.unwrap();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 32];
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
    for name in ["ann", "bob", "cy"] {
        let mut c = TcpStream::connect("127.0.0.1:7906").await.unwrap();
        let msg = format!("hi from {}", name);
        c.write_all(msg.as_bytes()).await.unwrap();
        let mut got = vec![0u8; msg.len()];
        c.read_exact(&mut got).await.unwrap();
        println!("{} got back {:?}", name, String::from_utf8(got).unwrap());
    }
}
