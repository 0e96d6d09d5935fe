// Language: each kind of arithmetic overflow panics as under `cargo run` (overflow checks on), in a
// spawned task so main sees a JoinError; generic code and explicit wrapping never panic; then main overflows.
fn add(a: u8, b: u8) -> u8 { a + b }
fn sub(a: u32, b: u32) -> u32 { a - b }
fn mul(a: i64, b: i64) -> i64 { a * b }
fn neg(a: i32) -> i32 { -a }
fn div(a: i32, b: i32) -> i32 { a / b }
fn rem(a: u64, b: u64) -> u64 { a % b }
fn shl(a: u32, b: u32) -> u32 { a << b }
fn pow(a: u16, e: u32) -> u16 { a.pow(e) }
fn abs(a: i8) -> i8 { a.abs() }
fn sum(v: &[u8]) -> u8 { v.iter().sum() }
fn double<T: std::ops::Add<Output = T> + Copy>(x: T) -> T { x + x }

async fn attempt(name: &str, f: fn() -> String) {
    let name = name.to_string();
    let r = tokio::spawn(async move { f() }).await;
    match r {
        Ok(v) => println!("{name}: ok {v}"),
        Err(e) => println!("{name}: panicked {}", e.is_panic()),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    attempt("add u8 fits", || add(200, 55).to_string()).await;
    attempt("add u8", || add(200, 56).to_string()).await;
    attempt("sub u32", || sub(3, 4).to_string()).await;
    attempt("mul i64", || mul(i64::MAX / 2, 3).to_string()).await;
    attempt("mul i64 fits", || mul(-4_611_686_018_427_387_904, 2).to_string()).await;
    attempt("neg i32", || neg(i32::MIN).to_string()).await;
    attempt("div zero", || div(1, 0).to_string()).await;
    attempt("div MIN by -1", || div(i32::MIN, -1).to_string()).await;
    attempt("rem zero", || rem(7, 0).to_string()).await;
    attempt("shl 31", || shl(1, 31).to_string()).await;
    attempt("shl 32", || shl(1, 32).to_string()).await;
    attempt("pow u16", || pow(2, 16).to_string()).await;
    attempt("abs i8", || abs(-128).to_string()).await;
    attempt("sum u8", || sum(&[100, 100, 100]).to_string()).await;
    attempt("generic u64", || double(u64::MAX / 2).to_string()).await;
    attempt("generic i8", || double(100i8 / 2).to_string()).await;
    attempt("wrapping", || 255u8.wrapping_add(1).to_string()).await;
    let mut counter: u8 = 250;
    loop {
        println!("counter {counter}");
        counter += 3;
    }
}
