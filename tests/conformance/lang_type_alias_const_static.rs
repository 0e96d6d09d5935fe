// Language: type aliases (generic ones too), `const` items, arrays from consts, `const fn`, an
// associated const, and `static` items including an AtomicU64 counter bumped from tasks.
use std::sync::atomic::{AtomicU64, Ordering};

type Result<T> = std::result::Result<T, String>;
type Grid = Vec<Vec<char>>;
type Callback = Box<dyn Fn(u32) -> u32 + Send>;

const MAX_RETRIES: u32 = 3;
const SIZE: usize = 4;
const NAMES: [&str; 3] = ["ada", "grace", "linus"];
const KIB: u64 = 1 << 10;
const GIB: u64 = KIB * KIB * KIB;
static BANNER: &str = "== report ==";
static REQUESTS: AtomicU64 = AtomicU64::new(0);

const fn square(x: u64) -> u64 {
    x * x
}

const SQUARED: u64 = square(12);

struct Limits;

impl Limits {
    const MAX_USERS: usize = 2;
}

fn parse_port(s: &str) -> Result<u16> {
    s.parse::<u16>().map_err(|e| format!("bad port {s:?}: {e}"))
}

fn make_grid() -> Grid {
    let mut grid = vec![vec!['.'; SIZE]; SIZE];
    for i in 0..SIZE {
        grid[i][i] = '#';
    }
    grid
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{BANNER}");
    println!("retries {MAX_RETRIES}, names {:?}, first {}", NAMES, NAMES[0]);
    println!("GIB = {GIB}, SQUARED = {SQUARED}, square(2^31) = {}", square(1 << 31));
    println!("{:?} {:?}", parse_port("8080"), parse_port("99999"));
    for row in make_grid() {
        println!("{}", row.iter().collect::<String>());
    }
    let callbacks: Vec<Callback> = vec![Box::new(|x| x + 1), Box::new(move |x| x * MAX_RETRIES)];
    println!("callbacks: {:?}", callbacks.iter().map(|f| f(10)).collect::<Vec<_>>());

    let mut handles = Vec::new();
    for name in NAMES.iter().take(Limits::MAX_USERS) {
        handles.push(tokio::spawn(async move {
            for _ in 0..MAX_RETRIES {
                REQUESTS.fetch_add(1, Ordering::Relaxed);
                tokio::task::yield_now().await;
            }
            format!("{name} done")
        }));
    }
    for h in handles {
        println!("{}", h.await.unwrap());
    }
    println!("requests: {}", REQUESTS.load(Ordering::Relaxed));
}
