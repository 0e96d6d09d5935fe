// tokio::io::split moves the stream behind a lock and hands out a ReadHalf and a WriteHalf, each
// usable from its own task. Dropping the write half does not shut the socket: only dropping both does.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7914").await.unwrap();
    let server = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut all = String::new();
        sock.read_to_string(&mut all).await.unwrap();
        println!("server: {:?} then end of stream", all);
    });
    let stream = TcpStream::connect("127.0.0.1:7914").await.unwrap();
    let (mut rd, mut wr) = tokio::io::split(stream);
    let writer = tokio::spawn(async move {
        wr.write_all(b"from the writer task").await.unwrap();
        println!("writer: done, dropping its half");
    });
    writer.await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let mut buf = [0u8; 8];
    let r = tokio::time::timeout(std::time::Duration::from_millis(50), rd.read(&mut buf)).await;
    println!("reader: still open after the write half dropped: {}", r.is_err());
    drop(rd);
    server.await.unwrap();
}
