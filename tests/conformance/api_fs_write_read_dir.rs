// tokio::fs on relative paths: create_dir_all, write files, read one back, list the directory with
// read_dir (names sorted, since the OS order is arbitrary), get metadata, remove a file.
use tokio::fs;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    fs::create_dir_all("data/logs").await?;
    fs::write("data/logs/a.txt", "first file\n").await?;
    fs::write("data/logs/b.txt", b"second").await?;
    fs::write("data/notes.md", "# notes").await?;
    let text = fs::read_to_string("data/logs/a.txt").await?;
    println!("a.txt says {text:?}");
    println!("b.txt is {} bytes", fs::metadata("data/logs/b.txt").await?.len());

    let mut entries = fs::read_dir("data/logs").await?;
    let mut names = Vec::new();
    while let Some(entry) = entries.next_entry().await? {
        names.push(entry.file_name().to_string_lossy().to_string());
    }
    names.sort();
    println!("data/logs: {names:?}");

    fs::remove_file("data/logs/a.txt").await?;
    match fs::read_to_string("data/logs/a.txt").await {
        Ok(_) => println!("still there?"),
        Err(e) => println!("after remove: {:?}", e.kind()),
    }
    println!("data is a dir: {}", fs::metadata("data").await?.is_dir());
    fs::remove_dir_all("data").await?;
    println!("exists after remove_dir_all: {}", fs::metadata("data").await.is_ok());
    Ok(())
}
