// Language: f64/f32 math as Rust computes and prints it — consts, trig, logs, hypot, mul_add, rounding,
// clamp, total_cmp, rem_euclid; f32 values round to f32 and print with f32's shortest digits.
use std::f64::consts::{FRAC_PI_2, LN_2, PI, TAU};

async fn stats(samples: Vec<f64>) -> (f64, f64, f64) {
    tokio::task::yield_now().await;
    let n = samples.len() as f64;
    let mean = samples.iter().sum::<f64>() / n;
    let var = samples.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    let max = samples.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    (mean, var.sqrt(), max)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (mean, sd, max) = stats(vec![2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).await;
    println!("mean {mean} sd {sd} max {max} {:?}", (mean, sd));
    println!("{} {} {} {}", TAU, FRAC_PI_2, LN_2, f64::MIN);
    println!("{} {} {}", 180f64.to_radians(), FRAC_PI_2.to_degrees(), 3f64.hypot(4.0));
    println!("{} {} {}", 2f64.mul_add(3.0, 1.0), 1024f64.log2(), 0.001f64.log10());
    println!("{} {} {}", 1f64.exp(), (PI / 4.0).tan(), (0.5f64).acos());
    println!("{} {} {}", f64::INFINITY.is_finite(), (-0.0f64).is_sign_negative(), (-2.5f64).signum());
    println!("{} {} {}", 7.5f64.clamp(0.0, 5.0), (-7.5f64).rem_euclid(2.0), 2.5f64.max(f64::NAN));
    println!("{:?} {:?}", 1.0f64.total_cmp(&-0.0), f64::NAN.partial_cmp(&1.0));
    let mut xs: Vec<f64> = vec![3.5, -1.25, 10.0, 0.1];
    xs.sort_by(|a, b| b.total_cmp(a));
    println!("{:?} max {:?}", xs, xs.iter().cloned().fold(f64::MIN, f64::max));
    let a = 0.1f32;
    let b: f32 = 0.2;
    let c = a + b;
    println!("{} {} {:?} {}", c, c == 0.3, c, c as f64);
    println!("{} {} {}", 1.0f32 / 3.0, (2.0f32).sqrt(), f32::MAX);
    println!("{} {} {:?}", f32::EPSILON, f32::MIN_POSITIVE, 1.0e-7f32);
    println!("{:?} {:?} {:?} {:?}", 1e15, 1e16, 1.5e16, 123456789012345680.0);
    println!("{:?} {:?} {:?} {:?}", 0.0001, 0.00001, 1.0 / 3.0, -2.5e-8);
    println!("{:?} {:?} {:?}", f64::MAX, f64::MIN_POSITIVE, f32::MAX);
    println!("{} {} {}", 16777217i32 as f32, u64::MAX as f32, 1e40f64 as f32);
    println!("{} {} {}", 3.7f32 as u8, -1.0f32 as u32, f32::NAN as i32);
    let total: f32 = [0.1f32; 10].iter().sum();
    println!("{} {}", total, [0.1f64; 10].iter().sum::<f64>());
    println!("{} {}", 2.5f64.round(), 2.5f32.round() as i64);
    println!("{:?} {}", "3.25".parse::<f32>(), "1e-3".parse::<f64>().unwrap());
}
