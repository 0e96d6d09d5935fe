// Tokio tutorial (async in depth): calling an async fn returns a future and prints nothing; the body
// (including a TCP connect to a local listener) runs only when it is awaited.
use tokio::net::{TcpListener, TcpStream};

async fn my_async_fn(addr: std::net::SocketAddr) {
    println!("hello from async");
    let _socket = TcpStream::connect(addr).await.unwrap();
    println!("async TCP operation complete");
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();

    let what_is_this = my_async_fn(addr);
    // Nothing has been printed yet.
    println!("created the future");
    what_is_this.await;
    // Text has been printed and socket has been established and closed.
    let (_socket, peer) = listener.accept().await.unwrap();
    println!("the listener accepted a connection from 127.0.0.1: {}", peer.ip().is_loopback());

    let futures: Vec<_> = (0..3).map(|_| my_async_fn(addr)).collect();
    println!("created {} more futures, none has run", futures.len());
    for f in futures {
        f.await;
    }
}
