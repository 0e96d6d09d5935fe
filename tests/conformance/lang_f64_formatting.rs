// Language: f64 as Rust prints it — shortest round-trip {} and {:?}, 0.1 + 0.2, huge and tiny
// values, NaN, infinities, -0.0, consts, math methods, and `as` casts between floats and integers.
use std::f64::consts::{E, PI, SQRT_2};

async fn average(values: Vec<f64>) -> Option<f64> {
    tokio::task::yield_now().await;
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{} {} {}", 0.1 + 0.2, 0.1 + 0.2 == 0.3, (0.1f64 + 0.2 - 0.3).abs() < f64::EPSILON);
    println!("{} {} {} {}", 1.0, 1.5e10, 1e15, 1e16);
    println!("{} {} {:?} {:?}", 1e21, 1.0e-7, 1e21, 1.0e-7);
    println!("{} {} {}", 123456789.0f64, 0.000001, 2.0f64.powi(60));
    println!("{} {} {} {}", f64::NAN, f64::INFINITY, -f64::INFINITY, -0.0f64);
    println!("{:?} {:?} {} {}", -0.0f64, 0.0f64, -0.0 == 0.0f64, f64::NAN == f64::NAN);
    println!("{} {} {}", f64::MAX, f64::MIN_POSITIVE, f64::EPSILON);
    println!("{} {} {}", PI, E, SQRT_2);
    println!("{:.3} {:.0} {:e}", PI, E, PI * 1000.0);
    println!("{} {} {} {}", 2.0f64.sqrt(), 10f64.powi(-2), 2f64.powf(0.5), (-8.0f64).cbrt());
    println!("{} {} {} {}", 2.5f64.floor(), 2.5f64.ceil(), 2.5f64.round(), (-2.5f64).round());
    println!("{} {} {} {}", 2.7f64.trunc(), (-2.7f64).fract(), (-3.0f64).abs(), 7.5f64 % 2.0);
    println!("{} {} {}", 1.0f64.min(f64::NAN), 3.0f64.max(4.0), (0.0f64 / 0.0).is_nan());
    println!("{} {} {}", (1.0f64).atan2(1.0), (PI / 6.0).sin(), 100f64.ln());
    println!("{} {} {} {}", 3.99 as i32, -3.99 as i32, 300.7 as u8, -1.5 as u8);
    println!("{} {} {}", f64::NAN as i32, f64::INFINITY as i64, 1e20 as i64);
    println!("{} {} {}", u64::MAX as f64, (1u64 << 53) as f64 + 1.0, 9007199254740993u64 as f64);
    println!("{} {} {}", 7 / 2, 7.0 / 2.0, 7 as f64 / 2.0);
    println!("{} {} {}", 0.1f32 + 0.2f32, 1.0f32 / 3.0, 16777217.0f32);
    println!("{} {}", (0.1f32 as f64), 1.0f64 / 3.0);
    println!("{:?} {:?}", average(vec![1.0, 2.0, 4.0]).await, average(vec![]).await);
    let mut v = vec![2.5, -1.0, f64::INFINITY, 0.5];
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{:?}", v);
    let mut w = vec![3.0, f64::NAN, -0.0, 0.0, -1.0];
    w.sort_by(f64::total_cmp);
    println!("{:?}", w);
    println!("{}", "2.50".parse::<f64>().unwrap() * 2.0);
    println!("{:?} {:?}", "1e3".parse::<f64>(), "inf".parse::<f64>());
}
