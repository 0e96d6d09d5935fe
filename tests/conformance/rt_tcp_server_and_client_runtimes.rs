// A TCP echo server on one runtime and its client on another: the server runtime runs in a std thread,
// the client runtime on main. Each runtime has its own I/O driver; the sockets still talk.
use std::sync::mpsc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Builder;

fn main() {
    let (addr_tx, addr_rx) = mpsc::channel();
    let server = std::thread::spawn(move || {
        let rt = Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            let (mut sock, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 64];
            let n = sock.read(&mut buf).await.unwrap();
            println!("server runtime read {n} bytes");
            sock.write_all(&buf[..n]).await.unwrap();
        });
    });
    let addr = addr_rx.recv().unwrap();
    let client = Builder::new_current_thread().enable_all().build().unwrap();
    let echoed = client.block_on(async move {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(b"hello across runtimes").await.unwrap();
        let mut buf = vec![0u8; 64];
        let n = s.read(&mut buf).await.unwrap();
        String::from_utf8_lossy(&buf[..n]).to_string()
    });
    println!("client runtime got back: {echoed}");
    server.join().unwrap();
}
