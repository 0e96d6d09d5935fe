// Half-close: the client shuts down its writing side; the server reads to the end, then still answers.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7905").await.unwrap();
    let server = tokio::spawn(async move {
        let (sock, peer) = listener.accept().await.unwrap();
        let (mut rd, mut wr) = sock.into_split();
        let mut all = Vec::new();
        let n = rd.read_to_end(&mut all).await.unwrap();
        println!("server: {} bytes until the client's FIN: {:?}", n, String::from_utf8_lossy(&all));
        wr.write_all(b"thanks, ").await.unwrap();
        wr.write_all(b"bye").await.unwrap();
        let _ = peer;
    });
    let mut client = TcpStream::connect("127.0.0.1:7905").await.unwrap();
    let (mut rd, mut wr) = client.split();
    wr.write_all(b"one ").await.unwrap();
    wr.write_all(b"two").await.unwrap();
    println!("client: sent, shutting down the write side");
    wr.shutdown().await.unwrap();
    let mut reply = String::new();
    rd.read_to_string(&mut reply).await.unwrap();
    println!("client: reply {:?}", reply);
    server.await.unwrap();
}
