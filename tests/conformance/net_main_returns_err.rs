// `?` on an io::Result in main: the refused connection ends the program with `Error: Os { .. }` on
// stderr and exit status 1, as a Rust binary does.
use tokio::net::TcpStream;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    println!("connecting to a port nobody listens on");
    let _stream = TcpStream::connect("127.0.0.1:7998").await?;
    println!("never printed");
    Ok(())
}
