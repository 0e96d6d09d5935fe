// Seed example (tokio notes, io resource): instead of sharing a TcpStream behind a Mutex, one task
// owns the connection and other tasks talk to it over a channel, each request with a oneshot reply.
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot};

#[derive(Debug)]
struct Request {
    line: String,
    reply: oneshot::Sender<String>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    // The server upper-cases every line it receives.
    tokio::spawn(async move {
        let (sock, _) = listener.accept().await.unwrap();
        let (rd, mut wr) = sock.into_split();
        let mut lines = BufReader::new(rd).lines();
        while let Some(line) = lines.next_line().await.unwrap() {
            wr.write_all(format!("{}\n", line.to_uppercase()).as_bytes()).await.unwrap();
        }
    });

    let (tx, mut rx) = mpsc::channel::<Request>(8);
    let conn_task = tokio::spawn(async move {
        let sock = TcpStream::connect(addr).await.unwrap();
        let (rd, mut wr) = sock.into_split();
        let mut lines = BufReader::new(rd).lines();
        let mut served = 0;
        while let Some(req) = rx.recv().await {
            wr.write_all(format!("{}\n", req.line).as_bytes()).await.unwrap();
            let answer = lines.next_line().await.unwrap().unwrap_or_default();
            let _ = req.reply.send(answer);
            served += 1;
        }
        served
    });

    let mut users = Vec::new();
    for name in ["ada", "grace", "linus"] {
        let tx = tx.clone();
        users.push(tokio::spawn(async move {
            let (reply, answer) = oneshot::channel();
            tx.send(Request { line: format!("hello from {name}"), reply }).await.unwrap();
            println!("{name} got {:?}", answer.await.unwrap());
        }));
    }
    drop(tx);
    for u in users {
        u.await.unwrap();
    }
    println!("connection task served {} requests", conn_task.await.unwrap());
}
