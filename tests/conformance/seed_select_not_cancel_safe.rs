// Seed example (cancellation-safety notes): select! in a loop re-creates read_string_of_json each
// time; when the 1 s sleep wins, the half-read string is dropped with the future and its bytes lost.
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn read_string_of_json(tcp: &mut TcpStream) -> String {
    let mut s = String::new();
    loop {
        let mut buf = [0u8; 1024];
        let n = tcp.read(&mut buf).await.unwrap();
        s.push_str(std::str::from_utf8(&buf[..n]).unwrap());
        if s.len() > 100 {
            return s;
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        for part in 1..=3 {
            let chunk = format!("{:-<50}", format!("{{\"part\":{part}}}"));
            sock.write_all(chunk.as_bytes()).await.unwrap();
            tokio::time::sleep(Duration::from_millis(1200)).await;
        }
        sock.write_all(format!("{:=<120}", "{\"final\":true}").as_bytes()).await.unwrap();
        tokio::time::sleep(Duration::from_secs(60)).await;
    });

    let mut tcp = TcpStream::connect(addr).await.unwrap();

    loop {
        tokio::select! {
            v = read_string_of_json(&mut tcp) => {
                println!("{}", v);
                break;
            }
            _ = tokio::time::sleep(Duration::from_secs(1)) => {
                println!("wait");
            }
        }
    }
}
