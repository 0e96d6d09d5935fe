// Language: implementing fmt::Display (used by {} and to_string()) and Debug by hand; a Display that
// uses write! ignores width while f.pad honours it; a custom error type behind Box<dyn Error> and `?`.
use std::error::Error;
use std::fmt;

struct Money { cents: i64 }

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let sign = if self.cents < 0 { "-" } else { "" };
        write!(f, "{}${}.{:02}", sign, self.cents.abs() / 100, self.cents.abs() % 100)
    }
}

enum Level { Info, Warn }

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self { Level::Info => "INFO", Level::Warn => "WARN" })
    }
}

struct Matrix([[i32; 2]; 2]);

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for row in &self.0 { writeln!(f, "[{:>3} {:>3}]", row[0], row[1])?; }
        Ok(())
    }
}

impl fmt::Debug for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Matrix").field("rows", &self.0.len()).finish()
    }
}

#[derive(Debug)]
enum BankError { Insufficient { needed: i64, available: i64 }, Frozen(String) }

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            BankError::Insufficient { needed, available } => write!(f, "need {} but only {} available",
                Money { cents: *needed }, Money { cents: *available }),
            BankError::Frozen(who) => write!(f, "account of {who} is frozen"),
        }
    }
}

impl Error for BankError {}

async fn withdraw(balance: i64, amount: &str) -> Result<Money, Box<dyn Error + Send + Sync>> {
    tokio::task::yield_now().await;
    let cents: i64 = amount.parse()?;
    if amount.starts_with('0') { return Err(Box::new(BankError::Frozen("zero".to_string()))); }
    if cents > balance { return Err(BankError::Insufficient { needed: cents, available: balance }.into()); }
    Ok(Money { cents: balance - cents })
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let m = Money { cents: -123456 };
    println!("{} | {} | {}", m, Money { cents: 5 }, m.to_string().len());
    println!("[{:>12}] [{:>12}]", Money { cents: 99 }, Money { cents: 99 }.to_string());
    println!("[{:>6}] [{:<6}] [{:^7}]", Level::Info, Level::Warn, Level::Info);
    println!("{:?}", [Level::Warn, Level::Info].iter().map(|l| l.to_string()).collect::<Vec<_>>());
    let mx = Matrix([[1, -20], [300, 4]]);
    print!("{}", mx);
    println!("{:?} / {:#?}", mx, mx);
    for amount in ["250", "5000", "abc", "012"] {
        match withdraw(1000, amount).await {
            Ok(left) => println!("withdraw {amount}: ok, {left} left"),
            Err(e) => println!("withdraw {amount}: error: {e}"),
        }
    }
    let err = BankError::Insufficient { needed: 10, available: 3 };
    println!("{} / {:?}", err, err);
}
