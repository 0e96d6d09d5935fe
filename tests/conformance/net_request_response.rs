// Request/response over TCP: the server answers each line with its length, one client after another.
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn serve(listener: TcpListener, clients: usize) {
    for i in 0..clients {
        let (mut sock, _) = listener.accept().await.unwrap();
        let mut req = Vec::new();
        sock.read_to_end(&mut req).await.unwrap();
        let text = String::from_utf8_lossy(&req).to_string();
        println!("server: request {} is {:?}", i, text);
        let reply = format!("{} bytes", text.len());
        sock.write_all(reply.as_bytes()).await.unwrap();
    }
}

async fn ask(question: &str) -> String {
    let mut sock = TcpStream::connect("127.0.0.1:7903").await.unwrap();
    sock.write_all(question.as_bytes()).await.unwrap();
    sock.shutdown().await.unwrap();
    let mut reply = String::new();
    sock.read_to_string(&mut reply).await.unwrap();
    reply
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:7903").await.unwrap();
    let server = tokio::spawn(serve(listener, 3));
    for q in ["hi", "how are you", "bye"] {
        let a = ask(q).await;
        println!("client: {:?} -> {:?}", q, a);
    }
    server.await.unwrap();
}
