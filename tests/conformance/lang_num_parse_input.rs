// Language: parsing text into numbers as a learner reads input — ParseIntError / ParseFloatError kinds,
// Display and Debug, out-of-range values for small types, signs and spaces, collecting into Result.
use std::num::IntErrorKind;

fn describe(s: &str) -> String {
    match s.parse::<u8>() {
        Ok(n) => format!("u8 {n}"),
        Err(e) => match e.kind() {
            IntErrorKind::Empty => "empty".to_string(),
            IntErrorKind::PosOverflow => format!("too big: {e}"),
            IntErrorKind::InvalidDigit => format!("bad digit: {e:?}"),
            other => format!("other {other:?}"),
        },
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for s in ["42", "300", "255", "256", "", "-1", "+7", " 42", "4 2", "0x10", "007"] {
        println!("{:>6?} -> {}", s, describe(s));
    }
    println!("{:?}", "-128".parse::<i8>());
    println!("{:?}", "-129".parse::<i8>());
    println!("{:?}", "18446744073709551615".parse::<u64>());
    println!("{:?}", "18446744073709551616".parse::<u64>());
    println!("{:?}", "-9223372036854775808".parse::<i64>());
    println!("{:?}", "340282366920938463463374607431768211455".parse::<u128>());
    println!("{:?} {:?}", "-".parse::<i32>(), "+".parse::<u32>());
    println!("{:?} {:?} {:?}", "3.14".parse::<f64>(), "3.14".parse::<f32>(), "1e3".parse::<f64>());
    println!("{:?} {:?} {:?}", "inf".parse::<f64>(), "-NaN".parse::<f64>(), ".5".parse::<f64>());
    println!("{:?} {:?}", "abc".parse::<f64>(), "".parse::<f32>());
    match "1.5.2".parse::<f64>() {
        Ok(v) => println!("ok {v}"),
        Err(e) => println!("float error: {e}"),
    }
    let line = "10 20 x 40";
    let nums: Result<Vec<i32>, _> = line.split(' ').map(|w| w.parse::<i32>()).collect();
    println!("{:?}", nums);
    let good: Vec<u16> = line.split(' ').filter_map(|w| w.parse().ok()).collect();
    println!("{:?} sum {}", good, good.iter().sum::<u16>());
    let n: usize = "12".parse().unwrap_or(0);
    let m: i64 = "oops".parse().unwrap_or(-1);
    println!("{} {}", n * 2, m);
    let r: Result<u32, _> = "4294967296".parse();
    if let Err(e) = &r {
        println!("u32: {e} / {e:?} / {:?}", e.kind());
    }
    let total: u32 = ["1", "2", "3"].iter().map(|s| s.parse::<u32>().unwrap()).sum();
    println!("total {total}");
    println!("{:?}", u8::from_str_radix("ff", 16));
    println!("{:?}", i32::from_str_radix("-1010", 2));
    println!("{:?}", u8::from_str_radix("100", 16));
}
