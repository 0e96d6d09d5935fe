// Language: error handling a learner grows into — a custom error enum, From impls so `?` converts
// ParseIntError and a channel's SendError, Display for messages, and main returning Result (exit 1).
use std::fmt;
use std::num::ParseIntError;
use tokio::sync::mpsc;

#[derive(Debug)]
enum AppError { Parse(ParseIntError), Negative(i64), ChannelClosed }

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Parse(e) => write!(f, "could not parse: {e}"),
            AppError::Negative(n) => write!(f, "{n} is negative"),
            AppError::ChannelClosed => write!(f, "the consumer went away"),
        }
    }
}

impl std::error::Error for AppError {}

impl From<ParseIntError> for AppError { fn from(e: ParseIntError) -> Self { AppError::Parse(e) } }

impl<T> From<mpsc::error::SendError<T>> for AppError {
    fn from(_: mpsc::error::SendError<T>) -> Self { AppError::ChannelClosed }
}

fn parse_positive(s: &str) -> Result<i64, AppError> {
    let n: i64 = s.trim().parse()?;
    if n < 0 { return Err(AppError::Negative(n)); }
    Ok(n)
}

async fn forward(inputs: &[&str], tx: &mpsc::Sender<i64>) -> Result<usize, AppError> {
    let mut sent = 0;
    for s in inputs {
        let n = parse_positive(s)?;
        tx.send(n).await?;
        sent += 1;
    }
    Ok(sent)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), AppError> {
    for s in ["12", " 7 ", "-3", "abc", ""] {
        match parse_positive(s) {
            Ok(n) => println!("{s:?} -> {n}"),
            Err(e) => println!("{s:?} -> error: {e} / {e:?}"),
        }
    }

    let (tx, mut rx) = mpsc::channel(8);
    let consumer = tokio::spawn(async move {
        let mut total = 0;
        while let Some(n) = rx.recv().await {
            total += n;
            if total > 20 {
                println!("consumer: total {total}, stopping");
                return total;
            }
        }
        total
    });
    println!("forward: {:?}", forward(&["1", "2", "x"], &tx).await.map_err(|e| e.to_string()));
    println!("forward: {:?}", forward(&["10", "15"], &tx).await);
    println!("consumer returned {}", consumer.await.unwrap());
    let result = forward(&["5"], &tx).await;
    println!("after the consumer stopped: {}", result.as_ref().unwrap_err());
    result?;
    println!("not reached");
    Ok(())
}
