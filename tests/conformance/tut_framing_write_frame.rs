// Tokio tutorial (framing): the Frame enum and write_frame, which encodes a frame with write_u8 /
// write_all into any AsyncWrite (here a Vec<u8>); an Array frame recurses through a boxed future.
use std::future::Future;
use std::pin::Pin;
use tokio::io::{self, AsyncWrite, AsyncWriteExt};

#[derive(Debug, Clone, PartialEq)]
enum Frame {
    Simple(String),
    Error(String),
    Integer(u64),
    Bulk(Vec<u8>),
    Null,
    Array(Vec<Frame>),
}

fn write_frame<'a, W>(out: &'a mut W, frame: &'a Frame) -> Pin<Box<dyn Future<Output = io::Result<()>> + 'a>>
where
    W: AsyncWrite + Unpin,
{
    Box::pin(async move {
        match frame {
            Frame::Simple(val) => {
                out.write_u8(b'+').await?;
                out.write_all(val.as_bytes()).await?;
                out.write_all(b"\r\n").await?;
            }
            Frame::Error(val) => {
                out.write_u8(b'-').await?;
                out.write_all(val.as_bytes()).await?;
                out.write_all(b"\r\n").await?;
            }
            Frame::Integer(val) => {
                out.write_all(format!(":{}\r\n", val).as_bytes()).await?;
            }
            Frame::Null => {
                out.write_all(b"$-1\r\n").await?;
            }
            Frame::Bulk(val) => {
                let len = val.len();
                out.write_all(format!("${}\r\n", len as u64).as_bytes()).await?;
                out.write_all(val).await?;
                out.write_all(b"\r\n").await?;
            }
            Frame::Array(items) => {
                out.write_all(format!("*{}\r\n", items.len()).as_bytes()).await?;
                for item in items {
                    write_frame(out, item).await?;
                }
            }
        }
        Ok(())
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let frames = vec![
        Frame::Simple("OK".to_string()),
        Frame::Error("unimplemented".to_string()),
        Frame::Integer(u64::MAX),
        Frame::Null,
        Frame::Bulk(b"bar".to_vec()),
        Frame::Array(vec![Frame::Bulk(b"set".to_vec()), Frame::Integer(7), Frame::Array(vec![])]),
    ];
    for frame in &frames {
        let mut out = Vec::new();
        write_frame(&mut out, frame).await?;
        println!("{:?} => {:?}", frame, String::from_utf8(out).unwrap());
    }
    println!("{:#?}", frames[5]);
    println!("first two equal? {}", frames[0] == frames[1].clone());
    Ok(())
}
