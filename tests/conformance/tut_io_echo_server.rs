// Tokio tutorial (I/O): an echo server that reads into a buffer and writes it back until read
// returns Ok(0), and a client that splits its socket with io::split and writes from a task.
use tokio::io::{self, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;

    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut buf = vec![0; 1024];
        loop {
            match socket.read(&mut buf).await {
                // Return value of `Ok(0)` signifies that the remote has closed
                Ok(0) => {
                    println!("server: client closed, echo task ends");
                    return;
                }
                Ok(n) => {
                    // Copy the data back to socket
                    if socket.write_all(&buf[..n]).await.is_err() {
                        return;
                    }
                }
                Err(_) => return,
            }
        }
    });

    let socket = TcpStream::connect(addr).await?;
    let (mut rd, mut wr) = io::split(socket);

    // Write data in the background
    let writer = tokio::spawn(async move {
        wr.write_all(b"hello\r\n").await?;
        wr.write_all(b"world\r\n").await?;
        wr.shutdown().await?;
        // Sometimes, the rust type inferencer needs a little help
        Ok::<_, io::Error>(())
    });

    let mut buf = vec![0; 128];
    let mut total = 0;
    loop {
        let n = rd.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        total += n;
        println!("GOT {:?}", &buf[..n]);
        println!("as text: {:?}", String::from_utf8_lossy(&buf[..n]));
    }
    writer.await.unwrap()?;
    println!("client: {total} bytes echoed");
    Ok(())
}
