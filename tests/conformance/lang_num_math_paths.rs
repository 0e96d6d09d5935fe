// Language: number habits from exercises — factorials and Fibonacci beyond 2^53, `Type::method(x)` call
// forms, float math and rounding, digit sums, byte arithmetic, `FromStr`, and an index computed from a
// negative number (index out of bounds, as Rust reports it).
use std::str::FromStr;

fn fact(n: u128) -> u128 { if n == 0 { 1 } else { n * fact(n - 1) } }

fn fib(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n { let t = a + b; a = b; b = t; }
    a
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("20! = {} 30! = {}", (1..=20u64).product::<u64>(), fact(30));
    println!("fib(92) = {} fib(80) = {}", fib(92), fib(80));
    println!("paths: {} {} {} {} {}", i32::abs(-5), u64::max(3, 9), i32::pow(2, 10), f64::sqrt(2.0), f64::max(1.5, -2.0));
    println!("cmp: {} {} {}", std::cmp::max(3u8, 7), std::cmp::min(-1i64, 4), 5i32.min(2).max(-1));
    println!("round: {:.0} {:.0} {:.0} {:.0} {:.1} {:.1}", 0.5, 1.5, 2.5, -0.5, 0.25, 0.35);
    println!("round(): {} {} {} {}", 2.5_f64.round(), (-2.5_f64).round(), 2.4_f64.ceil(), (-2.4_f64).floor());
    println!("trunc: {} fract: {:.3} abs: {} signum: {}", 3.7_f64.trunc(), 3.7_f64.fract(), (-3.7_f64).abs(), (-0.0_f64).signum());
    println!("math: {:.4} {:.4} {:.4} {:.4}", 2f64.powf(0.5), std::f64::consts::E.ln(), 100f64.log10(), 8f64.log2());
    println!("trig: {:.4} {:.4} {:.4} {}", 3f64.hypot(4.0), 1f64.atan2(1.0).to_degrees(), 90f64.to_radians().sin(), 0.1 + 0.2 == 0.3);
    println!("powi: {} {} {}", 2f64.powi(10), 10f64.powi(-2), (1.0f64 / 3.0).mul_add(3.0, 1.0));
    let n = 9875u32;
    let digits: u32 = n.to_string().chars().map(|c| c.to_digit(10).unwrap()).sum();
    println!("digits {} len {}", digits, n.to_string().len());
    let letters: String = (0..5u8).map(|i| (b'a' + i * 2) as char).collect();
    println!("letters {letters} {}", ('z' as u8 - b'a') as usize);
    println!("fromstr {:?} {:?}", i32::from_str("-42"), u8::from_str("256"));
    println!("{:?} {:?}", f64::from_str("2.5e-3"), "0.1".parse::<f32>().map(|x| x * 3.0));
    let avg = [3, 4, 4].iter().sum::<i32>() as f64 / 3.0;
    println!("avg {} {:.3} {}", avg, avg, avg as i32);
    println!("i128 {:?} {}", -170141183460469231731687303715884105728i128, u128::MAX.count_ones());
    println!("{}", (u32::MAX as u64 + 1) * 2);
    let v = vec![10, 20, 30];
    let i: i32 = -1;
    println!("about to index with {}", i as usize);
    println!("{}", v[i as usize]);
}
