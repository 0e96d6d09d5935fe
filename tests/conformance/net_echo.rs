// Echo over loopback: a server task echoes what the client writes until the client closes.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:7878").await?;
    let server = tokio::spawn(async move {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 64];
        loop {
            let n = sock.read(&mut buf).await.unwrap();
            if n == 0 {
                println!("server: client closed");
                break;
            }
            println!("server: got {:?}", String::from_utf8_lossy(&buf[..n]));
            sock.write_all(&buf[..n]).await.unwrap();
        }
    });
    let mut client = TcpStream::connect("127.0.0.1:7878").await?;
    for msg in ["hello", "world"] {
        client.write_all(msg.as_bytes()).await?;
        let mut buf = [0u8; 64];
        let n = client.read(&mut buf).await?;
        println!("client: echoed {:?}", std::str::from_utf8(&buf[..n]).unwrap());
    }
    drop(client);
    server.await.unwrap();
    Ok(())
}
