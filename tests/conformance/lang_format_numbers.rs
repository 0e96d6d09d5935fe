// Language: number formatting as Rust does it — radix of every integer width (two's complement for
// negatives), sign, zero padding, alignment, {:e}, precision rounding (half to even, exact), `{:.*}`,
// and specs that reach into tuples, vectors and structs with `{:03?}` / `{:5?}` / `{:x?}`.
#[derive(Debug)]
struct Reading {
    id: u8,
    temp: f64,
}

async fn read_sensor(id: u8) -> Reading {
    tokio::task::yield_now().await;
    Reading { id, temp: id as f64 * 1.25 - 2.0 }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for v in [-1i8 as i64, 127, -128] {
        print!("{:x} ", v as i8);
    }
    println!();
    println!("{:x} {:x} {:x} {:x}", -1i16, -1i32, -1isize, i128::MIN);
    println!("{:o} {:b} {:#o} {:#b}", u64::MAX, i8::MIN, -8i16, 255u8);
    println!("[{:#06x}] [{:#6x}] [{:<#6x}] [{:^#8b}] [{:#034b}]", 255, 255, 255, 5, 1u32 << 31);
    println!("[{:+}] [{:+}] [{:+05}] [{:+.3}] [{:+}]", 0, -3, 42, 1.0, f64::INFINITY);
    println!("[{:05}] [{:<05}] [{:^05}] [{:>+06}] [{:06.2}]", -7, -7, 7, 7, -1.5);
    println!("[{:e}] [{:E}] [{:e}] [{:.2e}] [{:e}] [{:e}]", 1234, 1500u64, 0.00123, 123456.0, 1.0, -0.5);
    println!("[{:.0}] [{:.0}] [{:.0}] [{:.1}] [{:.1}] [{:.3}]", 3.5, 4.5, -0.5, 0.05, 0.15, 2.0005);
    println!("[{:.2}] [{:.20}] [{:.1}]", 1e21, 0.1, f64::NAN);
    println!("{:.101}", 0.1);
    println!("[{:.*}] [{:.*}] [{:>5$}] [{:>w$}]", 3, PI_ISH, 0, 9.99, 8, 6, w = 4);
    println!("[{:10.3}] [{:<10.3}] [{:^10.3}] [{:+10.1}]", PI_ISH, PI_ISH, PI_ISH, -PI_ISH);
    println!("[{:8}] [{:<8}] [{:08}] [{:8.1}]", f64::NAN, f64::INFINITY, -f64::INFINITY, 1e-10);
    println!("{:03?} {:5?} {:<4?}|", (1, 2), vec![1, 22], Some(3));
    println!("{:x?} {:X?} {:#x?}", vec![10, 255], (171u8, 3054u16), [1u8]);
    println!("{:.1?} {:6.2?}", vec![1.25, 2.0], (0.5, -1.0));
    let r = read_sensor(3).await;
    println!("{:?} {:05.1?} {:#?}", r, r, r);
    println!("{:>6}|{:<6}|{:^6}|{:06}|", u64::MAX % 1000, -0.0, 1u8, -0);
    println!("{:>25} {:<25}|", u64::MAX, i64::MIN);
    println!("{:#?}", (1u64 << 63, -1i8));
}

const PI_ISH: f64 = 3.14159265;
