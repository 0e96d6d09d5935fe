// Language: a learner's latency report — averages as f64, percentages, a right-aligned table with
// widths and precisions, min/max, scientific notation, signed deltas — as Rust formats them.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let samples: Vec<u64> = vec![120, 95, 3010, 87, 150, 99, 101, 2500, 110, 93];
    let total: u64 = samples.iter().sum();
    let avg = total as f64 / samples.len() as f64;
    let min = *samples.iter().min().unwrap();
    let max = *samples.iter().max().unwrap();
    println!("n={} total={} avg={} avg2={:.2}", samples.len(), total, avg, avg);
    println!("min={min} max={max} spread={:.1}%", (max - min) as f64 / avg * 100.0);
    let mut sorted = samples.clone();
    sorted.sort();
    let p90 = sorted[(sorted.len() as f64 * 0.9) as usize - 1];
    println!("p90={p90} median={}", (sorted[4] + sorted[5]) as f64 / 2.0);
    let var = samples.iter().map(|&x| (x as f64 - avg).powi(2)).sum::<f64>() / samples.len() as f64;
    println!("var={:.3} sd={:.3} sd_e={:e} sd_E={:.2E}", var, var.sqrt(), var.sqrt(), var.sqrt());
    println!("{:>6}|{:>10}|{:>8}|{:<7}|", "i", "latency", "share", "delta");
    for (i, &s) in samples.iter().enumerate().take(6) {
        let share = s as f64 / total as f64;
        let delta = s as i64 - avg as i64;
        println!("{:>6}|{:>10}|{:>7.2}%|{:<+7}|", i, s, share * 100.0, delta);
    }
    println!("[{:^9}] [{:*<8.1}] [{:08.3}] [{:+.2}] [{:+}]", "mid", 2.25, -3.14159, 0.005, 7);
    println!("[{:08b}] [{:#010b}] [{:o}] [{:#o}] [{:X}] [{:#x}] [{:#X}]", 5u8, 5u8, 64, 64, 48879, 255, -1i8);
    println!("[{:5}] [{:<5}] [{:^5}] [{:05}] [{:+05}] [{:e}] [{:E}]", 42, 42, 42, -42, 42, 1234.5, 0.00012);
    let w = 12;
    let p = 3;
    println!("[{:w$.p$}] [{:>w$}] [{:.*}]", 2.0_f64.sqrt(), "right", 2, 1.23456);
    println!("[{0:>1$}] [{0:>1$.3}] [{0:<1$e}]", 9.87654, 10);
    println!("{:?} {:#?}", (1.5_f32, -0.0_f64), [1u8, 2]);
    println!("{:e} {:e} {:e} {:e}", 0.0, 1.0, 100u32, 123456789u64);
}
