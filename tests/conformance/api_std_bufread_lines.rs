// Reading a file line by line with std: BufReader::new(File::open(..)?).lines() yields
// io::Result<String> without the newline; read_line keeps it and returns 0 at the end. Written first
// with a std BufWriter (flushed when dropped). All of it blocking std I/O, here inside spawn_blocking.
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

fn write_csv() -> io::Result<()> {
    let mut w = BufWriter::new(File::create("data.csv")?);
    for i in 1..=4 {
        writeln!(w, "item{},{}", i, i * 10)?;
    }
    Ok(())
}

fn sum_csv() -> io::Result<i32> {
    let reader = BufReader::new(File::open("data.csv")?);
    let mut total = 0;
    for line in reader.lines() {
        let line = line?;
        let (name, value) = line.split_once(',').unwrap();
        let v: i32 = value.parse().unwrap();
        println!("{} -> {}", name, v);
        total += v;
    }
    Ok(total)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    tokio::task::spawn_blocking(write_csv).await.unwrap()?;
    let total = tokio::task::spawn_blocking(sum_csv).await.unwrap()?;
    println!("total {}", total);

    let mut r = BufReader::new(File::open("data.csv")?);
    let mut line = String::new();
    let n = r.read_line(&mut line)?;
    println!("first read_line: {} bytes {:?}", n, line);
    let mut rest = 0;
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            break;
        }
        rest += 1;
    }
    println!("{} more lines, then 0", rest);
    Ok(())
}
