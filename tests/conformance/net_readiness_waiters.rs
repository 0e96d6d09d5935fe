// Three tasks wait on readable() of one socket: all are in its waiter list, and one event wakes them all.
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7911").await.unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
        sock.write_all(b"x").await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
    });
    let stream = Arc::new(TcpStream::connect("127.0.0.1:7911").await.unwrap());
    let mut handles = Vec::new();
    for name in ["first", "second", "third"] {
        let s = stream.clone();
        handles.push(tokio::spawn(async move {
            println!("{} waits", name);
            s.readable().await.unwrap();
            println!("{} sees the socket readable", name);
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
}
