// Tokio tutorial (select): an accept loop written as an async block (helped by `Ok::<_, io::Error>`)
// raced against a oneshot; when the oneshot fires, select! drops the loop and the listener stops.
use std::io;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

async fn process(mut socket: TcpStream, id: u32) {
    let mut buf = [0u8; 16];
    let n = socket.read(&mut buf).await.unwrap();
    println!("  connection {id} sent {:?}", String::from_utf8_lossy(&buf[..n]));
    socket.write_all(b"pong").await.unwrap();
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let (tx, rx) = oneshot::channel();
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;

    tokio::spawn(async move {
        for _ in 0..2 {
            let mut s = TcpStream::connect(addr).await.unwrap();
            s.write_all(b"ping").await.unwrap();
            let mut buf = [0u8; 4];
            s.read_exact(&mut buf).await.unwrap();
            println!("client got {:?}", std::str::from_utf8(&buf).unwrap());
        }
        tx.send(()).unwrap();
    });

    let mut accepted = 0;
    tokio::select! {
        res = async {
            loop {
                let (socket, _) = listener.accept().await?;
                accepted += 1;
                println!("accepted connection {accepted}");
                let id = accepted;
                tokio::spawn(async move { process(socket, id).await });
            }
            // Help the rust type inferencer out
            Ok::<_, io::Error>(())
        } => {
            res?;
        }
        _ = rx => {
            println!("terminating accept loop");
        }
    }
    println!("accepted {accepted} connections in total");
    Ok(())
}
