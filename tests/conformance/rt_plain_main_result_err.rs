// A plain `fn main` may return a Result: an Err is printed with Debug on stderr and the process exits
// with code 1. std threads are joined first.
use std::thread;

fn parse_all(items: &[&str]) -> Result<Vec<u32>, String> {
    let mut out = Vec::new();
    for s in items {
        match s.parse::<u32>() {
            Ok(n) => out.push(n),
            Err(e) => return Err(format!("{s:?}: {e}")),
        }
    }
    Ok(out)
}

fn main() -> Result<(), String> {
    let t = thread::spawn(|| parse_all(&["1", "2", "3"]));
    let ok = t.join().unwrap()?;
    println!("parsed on a thread: {ok:?}");
    let bad = parse_all(&["4", "five", "6"])?;
    println!("never printed: {bad:?}");
    Ok(())
}
