// Length-prefixed frames over a duplex pipe: write_u32 + write_all on one side, read_u32 + read_exact
// on the other; an early EOF in the middle of a frame is an UnexpectedEof error.
use tokio::io::{duplex, AsyncReadExt, AsyncWriteExt};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (mut tx, mut rx) = duplex(32);
    let writer = tokio::spawn(async move {
        for msg in ["hi", "a somewhat longer frame than the pipe holds", ""] {
            tx.write_u32(msg.len() as u32).await.unwrap();
            tx.write_all(msg.as_bytes()).await.unwrap();
        }
        tx.write_u32(100).await.unwrap();
        tx.write_all(b"cut short").await.unwrap();
        tx.write_u16(0xBEEF).await.unwrap();
        tx.write_i64(-2).await.unwrap();
    });
    loop {
        let len = match rx.read_u32().await {
            Ok(n) => n as usize,
            Err(e) => {
                println!("no more frames: {:?}", e.kind());
                break;
            }
        };
        let mut body = vec![0u8; len];
        match rx.read_exact(&mut body).await {
            Ok(_) => println!("frame of {len}: {:?}", String::from_utf8(body).unwrap()),
            Err(e) => {
                println!("frame of {len} cut short: {} ({:?})", e, e.kind());
                break;
            }
        }
    }
    writer.await.unwrap();
    let (mut a, mut b) = duplex(16);
    a.write_u16(0xBEEF).await.unwrap();
    a.write_i64(-2).await.unwrap();
    a.write_u8(7).await.unwrap();
    drop(a);
    println!("{:#x} {} {}", b.read_u16().await.unwrap(), b.read_i64().await.unwrap(), b.read_u8().await.unwrap());
    println!("then: {:?}", b.read_u8().await.map_err(|e| e.kind()));
}
