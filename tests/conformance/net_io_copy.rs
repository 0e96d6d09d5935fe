// tokio's echo example: each connection is split and copied back to itself with io::copy.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7912").await.unwrap();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let (mut rd, mut wr) = socket.split();
        let n = tokio::io::copy(&mut rd, &mut wr).await.unwrap();
        println!("server: copied {} bytes back", n);
    });
    let mut client = TcpStream::connect("127.0.0.1:7912").await.unwrap();
    let data = vec![42u8; 20_000];
    client.write_all(&data).await.unwrap();
    client.shutdown().await.unwrap();
    let mut back = Vec::new();
    client.read_to_end(&mut back).await.unwrap();
    println!("client: {} bytes came back, all 42: {}", back.len(), back.iter().all(|b| *b == 42));
    server.await.unwrap();
}
