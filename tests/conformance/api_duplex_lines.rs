// `tokio::io::duplex` is an in-memory pipe: a writer task writes text in small pieces, and the reader
// wraps its end in a BufReader and reads whole lines with `lines().next_line()` until EOF.
use tokio::io::{duplex, AsyncBufReadExt, AsyncWriteExt, BufReader};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (client, server) = duplex(16);
    let writer = tokio::spawn(async move {
        let mut client = client;
        for chunk in ["hel", "lo\nwor", "ld\n", "last line without newline"] {
            client.write_all(chunk.as_bytes()).await.unwrap();
            println!("writer: wrote {:?}", chunk);
            tokio::task::yield_now().await;
        }
        println!("writer: dropping its end");
    });
    let mut lines = BufReader::new(server).lines();
    let mut n = 0;
    while let Some(line) = lines.next_line().await.unwrap() {
        n += 1;
        println!("reader: line {n}: {line:?}");
    }
    println!("reader: EOF after {n} lines");
    writer.await.unwrap();
}
