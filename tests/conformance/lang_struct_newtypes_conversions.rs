// Language: newtypes and conversions — tuple structs, From/Into, TryFrom, AsRef<str>, Deref to the
// inner value, FromStr for parse::<T>(), struct update syntax, and a builder with chained self methods.
use std::convert::TryFrom;
use std::ops::Deref;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Celsius(f64);
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fahrenheit(f64);
impl From<Celsius> for Fahrenheit { fn from(c: Celsius) -> Self { Fahrenheit(c.0 * 9.0 / 5.0 + 32.0) } }

#[derive(Debug)]
struct Username(String);
impl TryFrom<&str> for Username {
    type Error = String;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        if s.len() >= 3 && s.chars().all(|c| c.is_ascii_alphanumeric()) {
            Ok(Username(s.to_lowercase()))
        } else { Err(format!("invalid username {s:?}")) }
    }
}

impl AsRef<str> for Username { fn as_ref(&self) -> &str { &self.0 } }
impl Deref for Username {
    type Target = String;
    fn deref(&self) -> &String { &self.0 }
}

#[derive(Debug, Clone, PartialEq)]
struct Addr { host: String, port: u16 }

impl FromStr for Addr {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (host, port) = s.split_once(':').ok_or("missing ':'")?;
        let port = port.parse().map_err(|e| format!("port: {e}"))?;
        Ok(Addr { host: host.to_string(), port })
    }
}

#[derive(Debug, Clone, Default)]
struct Request { method: String, path: String, retries: u8 }

impl Request {
    fn get(path: &str) -> Self { Request { method: "GET".into(), path: path.into(), ..Default::default() } }
    fn retries(mut self, n: u8) -> Self { self.retries = n; self }
}

fn shout<S: AsRef<str>>(s: S) -> String { s.as_ref().to_uppercase() }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let boiling = Celsius(100.0);
    let f: Fahrenheit = boiling.into();
    println!("{:?} = {:?}, body {:?}", boiling, f, Fahrenheit::from(Celsius(37.0)));
    for name in ["Ada99", "x", "bad name"] {
        match Username::try_from(name) {
            Ok(u) => println!("ok {:?}, len via Deref {}, shout {}", u, u.len(), shout(&u)),
            Err(e) => println!("{e}"),
        }
    }
    let parsed: Result<Addr, _> = "127.0.0.1:6379".parse();
    println!("{:?}", parsed);
    println!("{:?} {:?}", "localhost".parse::<Addr>(), Addr::from_str("h:99999"));
    let base = Request::get("/index").retries(3);
    let other = Request { path: "/other".to_string(), ..base.clone() };
    println!("{:?}\n{:?}", base, other);
    let s: String = 'x'.into();
    let n: i64 = 42i32.into();
    let v: Vec<u8> = "hi".into();
    let b: Box<str> = "boxed".into();
    println!("{s} {n} {:?} {b} {}", v, u8::try_from(300i32).is_err());
    let handle = tokio::spawn(async move { Username::try_from("tokio").map(|u| u.0) });
    println!("{:?}", handle.await.unwrap());
}
