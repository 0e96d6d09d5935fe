// Panic messages of integer overflow and of the integer/float methods, for int.test.ts: overflow.stdout is
// what this program printed, built by rustc 1.95 with overflow checks on.
use std::panic;
fn msg<F: FnOnce() -> String + panic::UnwindSafe>(f: F) -> String {
    match panic::catch_unwind(f) { Ok(v) => format!("ok {v}"), Err(e) => e.downcast_ref::<&str>().map(|s| s.to_string()).or(e.downcast_ref::<String>().cloned()).unwrap() }
}
fn id<T>(x: T) -> T { std::hint::black_box(x) }
fn main() {
    panic::set_hook(Box::new(|_| {}));
    println!("{}", msg(|| (id(200u8) + id(56u8)).to_string()));
    println!("{}", msg(|| (id(3u32) - id(4u32)).to_string()));
    println!("{}", msg(|| (id(i64::MAX) * id(2i64)).to_string()));
    println!("{}", msg(|| (-id(i32::MIN)).to_string()));
    println!("{}", msg(|| (id(1i32) / id(0i32)).to_string()));
    println!("{}", msg(|| (id(i32::MIN) / id(-1i32)).to_string()));
    println!("{}", msg(|| (id(7u64) % id(0u64)).to_string()));
    println!("{}", msg(|| (id(i8::MIN) % id(-1i8)).to_string()));
    println!("{}", msg(|| (id(1u32) << id(32u32)).to_string()));
    println!("{}", msg(|| (id(1i64) >> id(64u32)).to_string()));
    println!("{}", msg(|| (id(2u16).pow(id(16u32))).to_string()));
    println!("{}", msg(|| (id(-128i8).abs()).to_string()));
    println!("{}", msg(|| (id(5i32).rem_euclid(id(0i32))).to_string()));
    println!("{}", msg(|| (id(5i32).div_euclid(id(0i32))).to_string()));
    println!("{}", msg(|| (id(i32::MIN).div_euclid(id(-1i32))).to_string()));
    println!("{}", msg(|| (id(3i32).clamp(id(5), id(1))).to_string()));
    println!("{}", msg(|| (id(1.0f64).clamp(id(5.0), id(1.0))).to_string()));
    println!("{}", msg(|| (id(200u8).next_power_of_two()).to_string()));
    println!("{}", msg(|| (id(0u32).ilog2()).to_string()));
    println!("{}", msg(|| (u8::from_str_radix(id("1"), 37).unwrap()).to_string()));
    println!("{}", msg(|| { let v: Vec<u8> = vec![250, 10]; v.iter().sum::<u8>().to_string() }));
    println!("{}", msg(|| { let v: Vec<u8> = vec![16, 16]; v.iter().product::<u8>().to_string() }));
}
