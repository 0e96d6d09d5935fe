// Number formatting cases for format-num.test.ts; numbers.stdout is what rustc 1.95 printed for this program.
fn main() {
    // float display/debug/exp/precision
    for x in [0.1f64, 1e21, 1e-7, 123456789.0, 1e15, 1e16, 0.3, 2.5, -0.0, 5e-324, 1.7976931348623157e308, 0.000123, 100.0] {
        println!("{} | {:?} | {:e} | {:E} | {:.3} | {:.0} | {:.2e}", x, x, x, x, x, x, x);
    }
    for x in [0.1f32, 16777217.0f32, 1e-7f32, 3.4028235e38f32, 0.3f32, 1.0f32/3.0] {
        println!("{} | {:?} | {:e} | {:.3}", x, x, x, x);
    }
    for x in [0.5f64, 1.5, 2.5, 3.5, -0.5, 0.125, 0.375, 1.005, 0.045] {
        println!("{:.0} {:.1} {:.2}", x, x, x);
    }
    for x in [1234i64, 1500, 0, -7, 1250, 999, 123456789] {
        println!("{:e} {:.1e} {:.0e} {:E} {:.5e}", x, x, x, x, x);
    }
    println!("[{:08.3}] [{:+08.2}] [{:>8}] [{:<8}] [{:^8}] [{:08}] [{:+}] [{:+}]", -3.14159, 2.5, f64::NAN, f64::INFINITY, -f64::INFINITY, f64::NAN, f64::NAN, 0.0);
    println!("[{:#010x}] [{:#b}] [{:+#x}] [{:<#6x}] [{:^+7}] [{:08b}]", 255, 5u8, 255, 255, 7, -1i8);
    println!("[{:x}] [{:X}] [{:o}] [{:b}]", -1i16, i64::MIN, -8i32, i128::MIN);
    println!("{:.101}", 0.1);
}
