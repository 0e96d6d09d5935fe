// read_until splits input on any byte (here ','), BufReader::with_capacity sets how much one fill
// reads, and io::copy pipes a byte slice into a duplex pipe that another task reads.
use std::io::Cursor;
use tokio::io::{self, duplex, AsyncBufReadExt, AsyncReadExt, BufReader};

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let mut csv = BufReader::with_capacity(4, Cursor::new(b"alpha,beta,,gamma".to_vec()));
    let mut field = Vec::new();
    loop {
        field.clear();
        let n = csv.read_until(b',', &mut field).await?;
        if n == 0 {
            break;
        }
        println!("{n} bytes: {:?}", String::from_utf8_lossy(&field));
    }
    println!("cursor ended at {}", csv.into_inner().position());

    let (mut w, mut r) = duplex(5);
    let reader = tokio::spawn(async move {
        let mut all = String::new();
        r.read_to_string(&mut all).await.unwrap();
        all
    });
    let mut src: &[u8] = b"copied through a 5-byte pipe";
    let n = io::copy(&mut src, &mut w).await?;
    drop(w);
    println!("copied {n} bytes, reader got {:?}", reader.await.unwrap());
    Ok(())
}
