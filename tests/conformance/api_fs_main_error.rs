// main returns io::Result: reading a file that was never written fails, `?` hands the io::Error to
// main, and the process exits with code 1 after printing `Error: Os { .. }` to stderr.
use tokio::fs;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    fs::create_dir("conf").await?;
    fs::write("conf/config.toml", "port = 8080\n").await?;
    let cfg = fs::read_to_string("conf/config.toml").await?;
    println!("config: {}", cfg.trim());
    let bytes = fs::read("conf/config.toml").await?;
    println!("{} bytes, first {:?}", bytes.len(), bytes[0] as char);
    let mut dir = fs::read_dir("conf").await?;
    while let Some(e) = dir.next_entry().await? {
        println!("entry {:?} is a file: {}", e.file_name(), e.file_type().await?.is_file());
    }
    println!("reading secrets.toml");
    let secret = fs::read_to_string("conf/secrets.toml").await?;
    println!("never printed: {secret}");
    Ok(())
}
