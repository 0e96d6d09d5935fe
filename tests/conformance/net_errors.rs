// Bad input on the network: each mistake comes back as the io::Error real tokio returns.
use std::io::ErrorKind;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7901").await.unwrap();
    println!("bound {}", listener.local_addr().unwrap());

    // The same port twice.
    match TcpListener::bind("127.0.0.1:7901").await {
        Ok(_) => println!("second bind worked?"),
        Err(e) => println!("bind again: {} / {:?} / kind {:?}", e, e, e.kind()),
    }

    // Nobody listens on 7902.
    match TcpStream::connect("127.0.0.1:7902").await {
        Ok(_) => println!("connected?"),
        Err(e) => println!("connect: {} / kind {:?} / refused: {}", e, e.kind(), e.kind() == ErrorKind::ConnectionRefused),
    }

    // A port out of range.
    match TcpStream::connect("127.0.0.1:70000").await {
        Ok(_) => println!("connected?"),
        Err(e) => println!("bad port: {} / {:?}", e, e.kind()),
    }

    // The peer closes: reads see the end of the stream, read_exact fails.
    let server = tokio::spawn(async move {
        let (sock, _) = listener.accept().await.unwrap();
        drop(sock);
        println!("server: closed its side");
    });
    let mut client = TcpStream::connect("127.0.0.1:7901").await.unwrap();
    server.await.unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut buf = [0u8; 8];
    println!("read after close: {:?}", client.read(&mut buf).await.map_err(|e| e.kind()));
    match client.read_exact(&mut buf).await {
        Ok(n) => println!("read_exact: {}", n),
        Err(e) => println!("read_exact: {} / {:?}", e, e.kind()),
    }

    // Writing to the closed peer: the first write is accepted, the peer answers with a reset.
    println!("first write: {:?}", client.write(b"ping").await.map_err(|e| e.kind()));
    tokio::time::sleep(Duration::from_millis(50)).await;
    match client.write(b"ping").await {
        Ok(n) => println!("second write: {} bytes", n),
        Err(e) => println!("second write: {} / {:?}", e, e.kind()),
    }
}
