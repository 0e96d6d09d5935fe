// Language: error handling with `?` converting through `From` — an app error enum wrapping other error
// types (`impl From<ParseIntError>`, `impl From<ConfigError>`), `std::error::Error` with `source()`,
// `Box<dyn Error>` collecting any error, and errors sent back from a task.
use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
struct ConfigError { key: String }

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "missing key {}", self.key) }
}
impl Error for ConfigError {}

#[derive(Debug)]
enum AppError { Parse(ParseIntError), Config(ConfigError), TooBig(u32) }

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            AppError::Parse(e) => write!(f, "bad number: {}", e),
            AppError::Config(e) => write!(f, "config: {}", e),
            AppError::TooBig(n) => write!(f, "{} is too big", n),
        }
    }
}

impl Error for AppError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self { AppError::Parse(e) => Some(e), AppError::Config(e) => Some(e), AppError::TooBig(_) => None }
    }
}

impl From<ParseIntError> for AppError { fn from(e: ParseIntError) -> Self { AppError::Parse(e) } }
impl From<ConfigError> for AppError { fn from(e: ConfigError) -> Self { AppError::Config(e) } }

fn lookup(key: &str) -> Result<&'static str, ConfigError> {
    match key { "port" => Ok("8080"), "workers" => Ok("4x"), "big" => Ok("70000"), _ => Err(ConfigError { key: key.to_string() }) }
}

fn read_u32(key: &str) -> Result<u32, AppError> {
    let raw = lookup(key)?;
    let n: u32 = raw.parse()?;
    if n > 65535 { return Err(AppError::TooBig(n)); }
    Ok(n)
}

fn sum_keys(keys: &[&str]) -> Result<u32, Box<dyn Error>> {
    let mut total = 0;
    for k in keys { total += read_u32(k)?; }
    let extra: i32 = "12".parse()?;
    Ok(total + extra as u32)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for key in ["port", "workers", "host", "big"] {
        match read_u32(key) {
            Ok(n) => println!("{key} = {n}"),
            Err(e) => {
                let cause = e.source().map(|s| s.to_string()).unwrap_or_else(|| "none".to_string());
                println!("{key}: {e} (source: {cause})");
            }
        }
    }
    println!("{:?}", sum_keys(&["port"]).map_err(|e| e.to_string()));
    match sum_keys(&["port", "host"]) { Ok(n) => println!("{n}"), Err(e) => println!("boxed error: {e}") }
    let h = tokio::spawn(async move { read_u32("workers") });
    match h.await.unwrap() {
        Err(AppError::Parse(e)) => println!("task failed to parse: {e}"),
        other => println!("unexpected {:?}", other.is_ok()),
    }
    let e: AppError = ConfigError { key: "x".into() }.into();
    println!("{e} / {:?}", matches!(e, AppError::Config(_)));
}
