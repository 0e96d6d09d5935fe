// AsyncBufReadExt::read_line over an in-memory std::io::Cursor: each call appends one line (with its
// newline) to the String and returns the byte count; 0 means end of input.
use std::io::Cursor;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let input = Cursor::new(b"first\nsecond line\n\nlast".to_vec());
    let mut reader = BufReader::new(input);
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).await.unwrap();
        if n == 0 {
            println!("EOF");
            break;
        }
        println!("read {n} bytes: {line:?}");
    }
    let mut cursor = Cursor::new(vec![1u8, 2, 3, 4, 5]);
    let mut two = [0u8; 2];
    cursor.read_exact(&mut two).await.unwrap();
    println!("read_exact: {two:?}, cursor at {}", cursor.position());
    let mut rest = Vec::new();
    let n = cursor.read_to_end(&mut rest).await.unwrap();
    println!("read_to_end: {n} bytes {rest:?}");
}
