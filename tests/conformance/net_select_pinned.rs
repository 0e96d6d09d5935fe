// The fix: create the read future once, outside the loop, and poll the same pinned future each time.
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn read_line(sock: &mut TcpStream) -> Option<String> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        let n = sock.read(&mut byte).await.unwrap();
        if n == 0 {
            return None;
        }
        if byte[0] == b'\n' {
            return Some(String::from_utf8_lossy(&line).to_string());
        }
        line.push(byte[0]);
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7909").await.unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        sock.write_all(b"hel").await.unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        sock.write_all(b"lo\n").await.unwrap();
    });
    let mut sock = TcpStream::connect("127.0.0.1:7909").await.unwrap();
    let line = read_line(&mut sock);
    tokio::pin!(line);
    loop {
        tokio::select! {
            l = &mut line => {
                println!("got: {:?}", l);
                break;
            }
            _ = tokio::time::sleep(Duration::from_millis(200)) => println!("tick"),
        }
    }
}
