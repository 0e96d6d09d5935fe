// A line-based protocol over an in-memory duplex pipe: the server task reads commands line by line with
// BufReader::lines and answers each with write_all; the client reads the answers with read_line.
use tokio::io::{duplex, AsyncBufReadExt, AsyncWriteExt, BufReader};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (client, server) = duplex(64);
    let server_task = tokio::spawn(async move {
        let (rd, mut wr) = tokio::io::split(server);
        let mut lines = BufReader::new(rd).lines();
        let mut handled = 0;
        while let Some(line) = lines.next_line().await.unwrap() {
            handled += 1;
            let reply = match line.split_once(' ') {
                Some(("ECHO", rest)) => format!("OK {rest}\n"),
                Some(("ADD", nums)) => {
                    let sum: i64 = nums.split_whitespace().map(|n| n.parse::<i64>().unwrap_or(0)).sum();
                    format!("OK {sum}\n")
                }
                _ if line == "PING" => "PONG\n".to_string(),
                _ => format!("ERR unknown command {line:?}\n"),
            };
            wr.write_all(reply.as_bytes()).await.unwrap();
        }
        println!("server: client hung up after {handled} commands");
        handled
    });

    let (rd, mut wr) = tokio::io::split(client);
    let mut answers = BufReader::new(rd);
    for cmd in ["PING", "ECHO hello there", "ADD 1 2 39", "JUMP"] {
        wr.write_all(format!("{cmd}\n").as_bytes()).await.unwrap();
        let mut answer = String::new();
        let n = answers.read_line(&mut answer).await.unwrap();
        println!("client: {cmd:<16} -> {:?} ({n} bytes)", answer.trim_end());
    }
    drop(wr);
    drop(answers);
    println!("server handled {}", server_task.await.unwrap());
}
