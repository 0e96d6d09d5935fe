// Lesson program (src/lessons/programs/select-cancellation.rs).
// select! drops the branch that loses. Here the loser is a read loop that had already read some
// bytes into its own buffer: when the timer wins, those bytes are dropped with it.
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Reads one byte at a time until a newline. Not cancel-safe: the bytes live in `line`.
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
    let listener = TcpListener::bind("127.0.0.1:7001").await.unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        sock.write_all(b"hel").await.unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        sock.write_all(b"lo\n").await.unwrap();
    });
    let mut sock = TcpStream::connect("127.0.0.1:7001").await.unwrap();
    loop {
        tokio::select! {
            line = read_line(&mut sock) => {
                println!("got: {:?}", line);
                break;
            }
            _ = tokio::time::sleep(Duration::from_millis(200)) => println!("tick"),
        }
    }
}
