// Tokio tutorial (spawning, shared state): a tiny key-value server on loopback. Each accepted socket
// gets its own task, and all of them share `type Db = Arc<Mutex<HashMap<String, Vec<u8>>>>`.
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

type Db = Arc<Mutex<HashMap<String, Vec<u8>>>>;

#[derive(Debug)]
enum Command { Get(String), Set(String, Vec<u8>), Unknown(String) }

impl Command {
    fn parse(line: &str) -> Command {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["GET", key] => Command::Get(key.to_string()),
            ["SET", key, value] => Command::Set(key.to_string(), value.as_bytes().to_vec()),
            _ => Command::Unknown(line.to_string()),
        }
    }
}

async fn process(socket: TcpStream, db: Db) {
    use Command::{Get, Set, Unknown};
    let (rd, mut wr) = socket.into_split();
    let mut lines = BufReader::new(rd).lines();
    while let Some(line) = lines.next_line().await.unwrap() {
        let response = match Command::parse(&line) {
            Set(key, value) => {
                db.lock().unwrap().insert(key, value);
                "OK".to_string()
            }
            Get(key) => {
                let db = db.lock().unwrap();
                db.get(&key).map(|v| String::from_utf8_lossy(v).into_owned()).unwrap_or("(nil)".to_string())
            }
            Unknown(text) => format!("ERR unknown command {:?}", text),
        };
        wr.write_all(format!("{response}\n").as_bytes()).await.unwrap();
    }
}

async fn client(addr: SocketAddr, name: &str, requests: &[&str]) {
    let socket = TcpStream::connect(addr).await.unwrap();
    let (rd, mut wr) = socket.into_split();
    let mut lines = BufReader::new(rd).lines();
    for req in requests {
        wr.write_all(format!("{req}\n").as_bytes()).await.unwrap();
        let resp = lines.next_line().await.unwrap().unwrap();
        println!("{name}: {req} -> {resp}");
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let db: Db = Arc::new(Mutex::new(HashMap::new()));
    let server_db = db.clone();
    tokio::spawn(async move {
        loop {
            let (socket, _) = listener.accept().await.unwrap();
            // Clone the handle to the hash map.
            let db = server_db.clone();
            println!("Accepted");
            tokio::spawn(async move { process(socket, db).await; });
        }
    });

    client(addr, "alice", &["SET hello world", "GET hello", "GET nope"]).await;
    client(addr, "bob", &["SET hello there", "SET n 42", "GET hello", "PING"]).await;

    let db = db.lock().unwrap();
    let mut keys: Vec<&String> = db.keys().collect();
    keys.sort();
    println!("{} keys: {:?}", db.len(), keys);
}
