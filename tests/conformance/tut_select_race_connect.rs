// Tokio tutorial (select): `race` writes data to whichever address accepts first. Branches match
// `Ok(_) = async { .. }`, so a refused connection disables its branch; `else` covers both failing.
use std::io;
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn race(data: &[u8], addr1: SocketAddr, addr2: SocketAddr) -> io::Result<&'static str> {
    let winner = tokio::select! {
        Ok(_) = async {
            let mut socket = TcpStream::connect(addr1).await?;
            socket.write_all(data).await?;
            Ok::<_, io::Error>(())
        } => "addr1",
        Ok(_) = async {
            let mut socket = TcpStream::connect(addr2).await?;
            socket.write_all(data).await?;
            Ok::<_, io::Error>(())
        } => "addr2",
        else => return Err(io::Error::new(io::ErrorKind::Other, "both connections failed")),
    };
    Ok(winner)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let open = listener.local_addr().unwrap();
    // An address nobody listens on: bind a listener, note its port, close it.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        l.local_addr().unwrap()
    };

    let server = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut got = String::new();
        sock.read_to_string(&mut got).await.unwrap();
        got
    });

    println!("race(closed, open) -> {:?}", race(b"hello", closed, open).await);
    println!("server received {:?}", server.await.unwrap());
    match race(b"nobody", closed, closed).await {
        Ok(w) => println!("unexpected winner {w}"),
        Err(e) => println!("race(closed, closed) -> error: {e}"),
    }
}
