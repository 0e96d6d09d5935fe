// A log file written and read back with tokio::fs: create a directory, append lines through
// OpenOptions + BufWriter, read the whole file, count lines with BufReader::lines, then look at errors.
use tokio::fs::{self, OpenOptions};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, BufWriter};

async fn log(path: &str, msg: &str) -> std::io::Result<()> {
    let file = OpenOptions::new().create(true).append(true).open(path).await?;
    let mut w = BufWriter::new(file);
    w.write_all(msg.as_bytes()).await?;
    w.write_all(b"\n").await?;
    w.flush().await?;
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    fs::create_dir_all("logs").await?;
    for (i, msg) in ["server started", "client connected", "client left"].iter().enumerate() {
        log("logs/app.log", &format!("[{i}] {msg}")).await?;
    }
    let text = fs::read_to_string("logs/app.log").await?;
    print!("{text}");
    let file = fs::File::open("logs/app.log").await?;
    let mut lines = BufReader::new(file).lines();
    let mut count = 0;
    while let Some(line) = lines.next_line().await? {
        if line.contains("client") {
            count += 1;
        }
    }
    println!("{count} lines mention a client");
    println!("size: {} bytes", fs::metadata("logs/app.log").await?.len());

    match fs::create_dir("logs").await {
        Ok(()) => println!("created twice?"),
        Err(e) => println!("create_dir again: {e} ({:?})", e.kind()),
    }
    match fs::read_to_string("logs/missing.log").await {
        Ok(_) => println!("found?"),
        Err(e) => println!("read missing: {e}"),
    }
    match fs::remove_dir("logs").await {
        Ok(()) => println!("removed a full dir?"),
        Err(e) => println!("remove_dir on a full dir: {:?}", e.kind()),
    }
    fs::rename("logs/app.log", "logs/app.old").await?;
    println!("old log exists: {}", fs::metadata("logs/app.old").await.is_ok());
    println!("new log exists: {}", fs::metadata("logs/app.log").await.is_ok());
    fs::remove_dir_all("logs").await?;
    Ok(())
}
