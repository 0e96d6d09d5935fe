// std::fs::File in an async program: File::create + write_all / writeln! (std::io::Write), File::open +
// read_to_string (std::io::Read), std OpenOptions to append, the file's metadata, and the io::Error of
// opening a missing file. std file calls block the thread that makes them (tokio's docs: use tokio::fs
// or spawn_blocking in async code), so the second half does its reading inside spawn_blocking.
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let mut f = File::create("notes.txt")?;
    f.write_all(b"first line\n")?;
    writeln!(f, "second line {}", 2)?;
    f.flush()?;
    drop(f);

    let mut s = String::new();
    let n = File::open("notes.txt")?.read_to_string(&mut s)?;
    print!("{} bytes:\n{}", n, s);

    let mut log = OpenOptions::new().append(true).open("notes.txt")?;
    log.write_all(b"appended\n")?;
    println!("len now {}", log.metadata()?.len());

    match File::open("missing.txt") {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("error: {} ({:?})", e, e.kind()),
    }

    let lines = tokio::task::spawn_blocking(|| -> io::Result<usize> {
        let mut bytes = Vec::new();
        File::open("notes.txt")?.read_to_end(&mut bytes)?;
        Ok(bytes.iter().filter(|b| **b == b'\n').count())
    })
    .await
    .unwrap()?;
    println!("lines counted on the blocking pool: {}", lines);
    fs::remove_file("notes.txt")?;
    println!("exists after remove: {}", fs::metadata("notes.txt").is_ok());
    Ok(())
}
