// `#[tokio::main]` is runtime 1; a listener bound on runtime 2 (built by hand inside spawn_blocking)
// accepts a connection made from runtime 1.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let server = tokio::task::spawn_blocking(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_io().build().unwrap();
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let (mut sock, _) = listener.accept().await.unwrap();
            let mut s = String::new();
            sock.read_to_string(&mut s).await.unwrap();
            s
        })
    });
    let addr = rx.await.unwrap();
    let mut c = TcpStream::connect(addr).await.unwrap();
    c.write_all(b"ping from runtime 1").await.unwrap();
    drop(c);
    println!("runtime 2 received: {}", server.await.unwrap());
}
