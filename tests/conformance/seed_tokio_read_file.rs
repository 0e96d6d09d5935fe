// Seed example (executors notes): read a whole file with tokio::fs::File and read_to_string;
// completed by first writing hello.txt, and showing the error for a file that does not exist.
use tokio::fs::File;
use tokio::io::AsyncReadExt;

#[tokio::main]
async fn main() -> tokio::io::Result<()> {
    tokio::fs::write("hello.txt", "Hello from hello.txt!\nsecond line\n").await?;

    let mut file = File::open("hello.txt").await?;
    let mut contents = String::new();
    file.read_to_string(&mut contents).await?;
    println!("{}", contents);
    println!("{} bytes, {} lines", contents.len(), contents.lines().count());

    match File::open("missing.txt").await {
        Ok(_) => println!("missing.txt exists?"),
        Err(e) => println!("missing.txt: {:?}", e.kind()),
    }

    tokio::fs::remove_file("hello.txt").await?;
    Ok(())
}
