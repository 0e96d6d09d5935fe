// Language: `impl FromStr` with its own error type, `str::parse::<T>()` and `let x: T = s.parse()?`,
// a custom error with Display, and a task that parses lines received over a channel.
use std::fmt;
use std::str::FromStr;
use tokio::sync::mpsc;

#[derive(Debug, PartialEq)]
enum Cmd { Push(i64), Pop, Add, Print }

#[derive(Debug)]
enum CmdError { Empty, Unknown(String), BadNumber(String) }

impl fmt::Display for CmdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CmdError::Empty => write!(f, "empty command"),
            CmdError::Unknown(w) => write!(f, "unknown command `{}`", w),
            CmdError::BadNumber(w) => write!(f, "`{}` is not a number", w),
        }
    }
}

impl FromStr for Cmd {
    type Err = CmdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split_whitespace();
        match parts.next() {
            None => Err(CmdError::Empty),
            Some("push") => {
                let n = parts.next().unwrap_or("");
                n.parse::<i64>().map(Cmd::Push).map_err(|_| CmdError::BadNumber(n.to_string()))
            }
            Some("pop") => Ok(Cmd::Pop),
            Some("add") => Ok(Cmd::Add),
            Some("print") => Ok(Cmd::Print),
            Some(w) => Err(CmdError::Unknown(w.to_string())),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Rgb(u8, u8, u8);
impl FromStr for Rgb {
    type Err = String;
    fn from_str(s: &str) -> Result<Rgb, String> {
        let hex = s.strip_prefix('#').ok_or_else(|| format!("{s}: missing #"))?;
        if hex.len() != 6 { return Err(format!("{s}: want 6 digits")); }
        let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
        Ok(Rgb(c(0)?, c(2)?, c(4)?))
    }
}

fn two(a: &str, b: &str) -> Result<(Cmd, Cmd), CmdError> {
    let x: Cmd = a.parse()?;
    let y = b.parse::<Cmd>()?;
    Ok((x, y))
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded_channel::<String>();
    let worker = tokio::spawn(async move {
        let mut stack: Vec<i64> = Vec::new();
        while let Some(line) = rx.recv().await {
            match line.parse::<Cmd>() {
                Ok(Cmd::Push(n)) => stack.push(n),
                Ok(Cmd::Pop) => { stack.pop(); }
                Ok(Cmd::Add) => { let s = stack.pop().unwrap_or(0) + stack.pop().unwrap_or(0); stack.push(s); }
                Ok(Cmd::Print) => println!("stack: {:?}", stack),
                Err(e) => println!("error: {e} ({e:?})"),
            }
        }
        stack
    });
    for l in ["push 2", "push 40", "add", "print", "", "jump 3", "push x", "push -7", "print"] {
        tx.send(l.to_string()).unwrap();
    }
    drop(tx);
    println!("final: {:?}", worker.await.unwrap());
    println!("{:?}", two("pop", "add"));
    match two("pop", "fly") { Ok(_) => println!("ok"), Err(e) => println!("failed: {e}") }
    for s in ["#ff8000", "#12", "00ff00", "#zz0000"] {
        match s.parse::<Rgb>() { Ok(c) => println!("{s} -> {:?}", c), Err(e) => println!("error {e}") }
    }
    let cmd: Result<Cmd, _> = "push 5".parse();
    println!("{}", cmd.unwrap() == Cmd::Push(5));
}
