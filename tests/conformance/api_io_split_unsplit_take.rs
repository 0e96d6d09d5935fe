// tokio::io::split hands out a ReadHalf and a WriteHalf of one stream; `is_pair_of` tells whether two
// halves belong together and `unsplit` puts them back into the stream. Then AsyncReadExt::take
// limits a read to a prefix (`limit()` is what is left, `into_inner()` gives the reader back), and
// io::copy_buf drains a BufReader into a Vec.
use tokio::io::{self, AsyncReadExt, AsyncWriteExt, BufReader};

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let (client, mut server) = io::duplex(64);
    let (mut rd, mut wr) = io::split(client);
    println!("pair: {}", rd.is_pair_of(&wr));
    wr.write_all(b"ping").await?;
    let mut buf = [0u8; 4];
    server.read_exact(&mut buf).await?;
    println!("server got {:?}", std::str::from_utf8(&buf).unwrap());
    server.write_all(b"pong").await?;
    let mut reply = [0u8; 4];
    rd.read_exact(&mut reply).await?;
    println!("client got {:?}", std::str::from_utf8(&reply).unwrap());

    let mut client = rd.unsplit(wr);
    client.write_all(b"hello world, this is the rest").await?;
    drop(client);

    let mut limited = server.take(5);
    let mut first = String::new();
    let n = limited.read_to_string(&mut first).await?;
    println!("take(5) read {} bytes: {:?}, limit left {}", n, first, limited.limit());
    let server = limited.into_inner();

    let mut reader = BufReader::new(server);
    let mut rest = Vec::new();
    let copied = io::copy_buf(&mut reader, &mut rest).await?;
    println!("copy_buf copied {} bytes: {:?}", copied, String::from_utf8(rest).unwrap());
    Ok(())
}
