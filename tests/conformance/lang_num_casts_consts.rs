// Language: `as` casts between every kind of number (truncation, saturation, sign reinterpretation,
// NaN to 0), char/bool/u8 casts, and the numeric consts a learner reaches for, printed as Rust prints them.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let f = -3.99_f64;
    println!("f64 -> int: {} {} {} {}", f as i32, 3.99_f64 as u8, -1.5_f64 as u32, 1e20_f64 as i64);
    println!("NaN -> int: {} {}", f64::NAN as i32, f64::INFINITY as u16);
    println!("int -> int: {} {} {} {}", 300_i32 as u8, -1_i32 as u32, -1_i64 as u64, 255_u8 as i8);
    println!("u64::MAX as: {} {} {}", u64::MAX as i64, u64::MAX as u32, u64::MAX as f64);
    println!("i64 -> f32: {} {}", i64::MAX as f32, 16_777_217_i32 as f32);
    println!("char casts: {} {} {} {}", 'A' as u32, 97_u8 as char, ('a' as u8 + 2) as char, '€' as u8);
    println!("bool casts: {} {}", true as i32, false as u8);
    let big: u128 = u64::MAX as u128 * 3;
    println!("u128: {} {:x} {}", big, big, big as u64);
    println!("consts: {} {} {} {}", u64::MAX, i64::MIN, i32::BITS, u8::MAX);
    println!("i128: {} {}", i128::MAX, i128::MIN);
    println!("usize: {} {}", usize::MAX, isize::MIN);
    println!("floats: {} {} {} {}", f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0_f64);
    println!("f64 eps {} max {:e} minpos {:e}", f64::EPSILON, f64::MAX, f64::MIN_POSITIVE);
    println!("f32: {} {} {}", f32::MAX, f32::EPSILON, f32::MIN);
    println!("debug: {:?} {:?} {:?} {:?}", 1.0_f64, 0.1_f32 + 0.2_f32, 0.1 + 0.2, 1e21_f64);
    println!("display: {} {} {} {}", 1e15_f64, 1e16_f64, 1.5e-7_f64, f64::MAX);
    let nan = f64::NAN;
    println!("nan cmp: {} {} {} {:?}", nan == nan, nan < 1.0, nan.is_nan(), nan.max(2.0));
    let with_nan = vec![1.0, nan];
    println!("vec eq: {} {} {:?}", with_nan == with_nan, with_nan.contains(&nan), nan.partial_cmp(&1.0));
    println!("ordering as: {} {} {}", 1.0_f64.total_cmp(&2.0) as i32, 3.cmp(&3) as i8, "b".cmp("a") as i64);
    println!("pi: {} {:.3} {}", std::f64::consts::PI, std::f32::consts::PI, std::f32::consts::E);
    let avg = 7_u32 as f64 / 2 as f64;
    println!("avg {} {}", avg, (avg * 10.0).round() as i64);
    let idx = 5_usize;
    let delta = idx as i64 - 10;
    println!("delta {} abs {} back {}", delta, delta.abs(), (delta + 10) as usize);
}
