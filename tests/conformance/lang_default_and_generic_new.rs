// Language: `Default` — derived on structs with nested types, written by hand, `..Default::default()`,
// `let c: Config = Default::default()`, `T::default()` in a generic fn, `unwrap_or_default`,
// `mem::take`, and a config handed to a spawned task.
use std::collections::HashMap;

#[derive(Debug, Default, Clone, PartialEq)]
struct Limits { max_conn: u32, burst: Option<u32> }

#[derive(Debug, Default, Clone)]
struct Config { name: String, port: u16, verbose: bool, tags: Vec<String>, limits: Limits, ratio: f64 }

#[derive(Debug)]
struct Retry { attempts: u32, backoff_ms: u64 }

impl Default for Retry {
    fn default() -> Self { Retry { attempts: 3, backoff_ms: 100 } }
}

#[derive(Debug, Default)]
enum Level { #[default] Info, Warn }

fn fresh<T: Default + std::fmt::Debug>() -> String { format!("{:?}", T::default()) }

fn pair<A: Default, B: Default>() -> (A, B) { (A::default(), B::default()) }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let base: Config = Default::default();
    println!("{:?}", base);
    let custom = Config { name: "api".into(), port: 8080, ..Default::default() };
    println!("{} {} {} {:?}", custom.name, custom.port, custom.verbose, custom.limits);
    let again = Config { verbose: true, ..custom.clone() };
    println!("{:#?}", again);
    println!("{:?} {:?}", Retry::default(), Level::default());
    let r = Retry { attempts: 5, ..Default::default() };
    println!("{} {}", r.attempts, r.backoff_ms);
    println!("{} {} {} {}", fresh::<u8>(), fresh::<String>(), fresh::<Vec<i32>>(), fresh::<Limits>());
    let (a, b): (i32, String) = pair();
    println!("{a:?} {b:?}");
    let words: HashMap<&str, u32> = HashMap::new();
    println!("missing -> {}", words.get("x").copied().unwrap_or_default());
    let mut cfg = custom;
    cfg.tags.push("blue".into());
    let taken = std::mem::take(&mut cfg.tags);
    println!("taken {:?}, left {:?}", taken, cfg.tags);
    let h = tokio::spawn(async move {
        let l = Limits { max_conn: 10, ..Limits::default() };
        format!("task sees {:?}, same as default: {}", l, l == Limits::default())
    });
    println!("{}", h.await.unwrap());
}
