// Conversions and comparisons for int-convert.test.ts; convert.stdout is what rustc 1.95 printed for this program.
use std::convert::{TryFrom, TryInto};
use std::str::FromStr;
fn main() {
    println!("{:?} {:?} {:?}", u8::try_from(255i32), u8::try_from(256i32), i8::try_from(-129i64));
    println!("{:?} {:?} {:?}", u64::try_from(-1i32), u128::try_from(u64::MAX), i32::try_from(u32::MAX));
    let r: Result<u16, _> = 70_000u32.try_into();
    let s: Result<i16, _> = (-5i64).try_into();
    println!("{:?} {:?} {:#?}", r, s, u8::try_from(300u16));
    if let Err(e) = u8::try_from(-1i8) { println!("{e}"); }
    let a: u64 = 7u8.into();
    let b: f64 = 7u32.into();
    let c: f64 = 0.1f32.into();
    let d: i128 = (-3i64).into();
    println!("{} {:?} {} {}", a, b, c, d);
    println!("{} {} {} {:?}", u32::from(true), u32::from('A'), i64::from(-5i8), f64::from(1.5f32));
    println!("{} {} {}", u64::from(u32::MAX) * 3, f32::from(200u8), f64::from(-7i32) / 2.0);
    println!("{:?} {:?} {:?}", i32::from_str("-12"), u8::from_str("+3"), f32::from_str("2.5"));
    println!("{} {} {} {}", i32::pow(3, 4), u8::max(3, 9), i64::abs(-8), u32::count_ones(255));
    println!("{:?} {:?}", u8::checked_add(250, 10), i16::wrapping_mul(300, 300));
    let v: Vec<u32> = vec![3, 12, 7].into_iter().map(u32::count_ones).collect();
    println!("{:?} {} {}", v, std::cmp::max(4, 4), std::cmp::min("b", "a"));
    let nan = f64::NAN;
    let pair = (nan, 1);
    let list = vec![nan];
    println!("{} {} {} {}", nan == nan, pair == pair, list == list, list.contains(&nan));
    println!("{} {} {}", 1.0f64.total_cmp(&-1.0) as i32, 2.cmp(&2) as i8, "a".cmp("b") as i64);
}
