// Box<dyn std::error::Error> with `?`: parse errors and I/O errors of different types convert into
// the same boxed error; main returning Err exits with code 1 after printing Error: .. to stderr.
use std::error::Error;
use std::io::Cursor;
use tokio::io::AsyncBufReadExt;

async fn sum_lines(text: &str) -> Result<i64, Box<dyn Error>> {
    let mut lines = Cursor::new(text.as_bytes().to_vec()).lines();
    let mut total = 0;
    while let Some(line) = lines.next_line().await? {
        let n: i64 = line.trim().parse()?;
        total += n;
    }
    Ok(total)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let ok = sum_lines("1\n2\n39\n").await?;
    println!("sum of good input: {ok}");
    match sum_lines("4\nfive\n").await {
        Ok(v) => println!("unexpected {v}"),
        Err(e) => println!("bad input: {e}"),
    }
    let bytes = vec![0xff, 0xfe];
    match String::from_utf8(bytes) {
        Ok(s) => println!("{s}"),
        Err(e) => println!("utf8: {e}"),
    }
    println!("now failing with ? in main");
    let n: u8 = "300".parse()?;
    println!("never printed {n}");
    Ok(())
}
