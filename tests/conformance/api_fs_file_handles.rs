// tokio::fs::File with AsyncWriteExt/AsyncReadExt: create a file, write and flush, append with
// OpenOptions, then read it back line by line through a BufReader.
use tokio::fs::{File, OpenOptions};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let mut f = File::create("journal.txt").await?;
    f.write_all(b"day 1: started\n").await?;
    f.write_all(b"day 2: kept going\n").await?;
    f.flush().await?;
    drop(f);

    let mut f = OpenOptions::new().append(true).open("journal.txt").await?;
    f.write_all(b"day 3: done\n").await?;
    f.flush().await?;
    drop(f);

    let mut whole = String::new();
    File::open("journal.txt").await?.read_to_string(&mut whole).await?;
    println!("file has {} bytes", whole.len());

    let mut lines = BufReader::new(File::open("journal.txt").await?).lines();
    while let Some(line) = lines.next_line().await? {
        println!("> {line}");
    }
    match File::open("missing.txt").await {
        Ok(_) => println!("missing.txt exists?"),
        Err(e) => println!("open missing.txt: {:?}", e.kind()),
    }
    Ok(())
}
