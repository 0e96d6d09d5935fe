// Eight clients at once against an echo server on four workers: readiness events for many sockets in
// one driver turn, woken tasks spread over the workers. Results are printed in client order.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7913").await.unwrap();
    tokio::spawn(async move {
        loop {
            let (mut sock, _) = listener.accept().await.unwrap();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 256];
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
    let mut clients = Vec::new();
    for id in 0..8u32 {
        clients.push(tokio::spawn(async move {
            let mut c = TcpStream::connect("127.0.0.1:7913").await.unwrap();
            let mut total = 0usize;
            for round in 0..20u32 {
                let msg = format!("client {} round {}", id, round);
                c.write_all(msg.as_bytes()).await.unwrap();
                let mut back = vec![0u8; msg.len()];
                c.read_exact(&mut back).await.unwrap();
                assert_eq!(back, msg.as_bytes());
                total += back.len();
            }
            total
        }));
    }
    for (id, h) in clients.into_iter().enumerate() {
        println!("client {}: {} bytes echoed", id, h.await.unwrap());
    }
}
