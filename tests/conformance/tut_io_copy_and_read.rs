// Tokio tutorial (I/O): AsyncReadExt/AsyncWriteExt without files — `&[u8]` is an AsyncRead and
// `Vec<u8>` an AsyncWrite; read fills part of a buffer, read_to_end takes the rest, io::copy pipes.
use tokio::io::{self, AsyncReadExt, AsyncWriteExt};

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let mut reader: &[u8] = b"hello, tokio readers";
    let mut buffer = [0; 10];
    // read up to 10 bytes
    let n = reader.read(&mut buffer[..]).await?;
    println!("The bytes: {:?}", &buffer[..n]);
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).await?;
    println!("the rest: {:?}", String::from_utf8(rest).unwrap());

    let mut reader: &[u8] = b"hello";
    let mut writer: Vec<u8> = Vec::new();
    let copied = io::copy(&mut reader, &mut writer).await?;
    println!("copied {copied} bytes: {:?}", writer);

    let mut out: Vec<u8> = Vec::new();
    let n = out.write(b"some bytes").await?;
    println!("Wrote the first {} bytes of 'some bytes'.", n);
    out.write_all(b", more bytes").await?;
    out.write_u8(b'!').await?;
    println!("{}", String::from_utf8_lossy(&out));

    let mut exact: &[u8] = b"abc";
    let mut four = [0u8; 4];
    match exact.read_exact(&mut four).await {
        Ok(_) => println!("read 4 bytes?"),
        Err(e) => println!("read_exact: {:?}", e.kind()),
    }
    Ok(())
}
