// Language: parsing integers of each width with Rust's errors (ParseIntError's Display and Debug),
// from_str_radix, byte order, and the bit and arithmetic methods learners reach for.
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(4);
    tokio::spawn(async move {
        for line in ["12", "300", "-4", "abc", "", "+7", " 5", "255"] {
            tx.send(line.to_string()).await.unwrap();
        }
    });
    while let Some(line) = rx.recv().await {
        match line.parse::<u8>() {
            Ok(n) => println!("{line:?} -> u8 {n}"),
            Err(e) => println!("{line:?} -> error: {e} / {e:?}"),
        }
    }
    let small: Result<i8, _> = "-129".parse();
    println!("{:?} {:?} {:?}", small, "-128".parse::<i8>(), "99999999999999999999".parse::<i64>());
    println!("{:?} {:?}", "340282366920938463463374607431768211455".parse::<u128>(), "-".parse::<i32>());
    let n: u32 = "4000000000".parse().unwrap();
    println!("{} {}", n, n as i32);
    println!("{:?} {:?} {:?}", u8::from_str_radix("ff", 16), i32::from_str_radix("-1010", 2), u64::from_str_radix("zz", 36));
    println!("{:?}", u16::from_str_radix("12g", 16));
    let x: u32 = 0x12345678;
    println!("{:?} {:?}", x.to_be_bytes(), x.to_le_bytes());
    println!("{} {:#x}", u32::from_be_bytes([0xde, 0xad, 0xbe, 0xef]), u16::from_le_bytes([0x34, 0x12]));
    println!("{:?}", (-2i16).to_be_bytes());
    println!("{} {} {} {}", 1u8.leading_zeros(), 0u16.trailing_zeros(), 0b1011u8.count_zeros(), (-1i32).count_ones());
    println!("{} {} {}", 64u32.is_power_of_two(), 96u64.is_power_of_two(), 5u32.next_power_of_two());
    println!("{} {} {}", 0x12u8.rotate_left(4), 0x1234u16.rotate_right(4), 0x12345678u32.swap_bytes());
    println!("{} {} {}", (-7i32).rem_euclid(3), (-7i32).div_euclid(3), 7i32.div_euclid(-3));
    println!("{} {} {}", (-128i8).unsigned_abs(), 3i32.abs_diff(-5), 10u8.abs_diff(250));
    println!("{} {} {}", (-3i64).signum(), 0i64.signum(), 15u32.clamp(1, 10));
    println!("{} {} {}", i64::MAX.min(3), 7i16.max(-7), (-5i32).pow(3));
    println!("{:?} {:?} {:?}", 200u8.checked_mul(2), 5u8.checked_pow(3), i32::MIN.checked_neg());
    println!("{:?} {:?}", 0u32.overflowing_sub(1), i8::MAX.overflowing_add(1));
    println!("{} {} {}", 100i8.saturating_mul(2), (-100i8).saturating_sub(100), 0u8.wrapping_sub(1));
    println!("{} {} {}", i8::MIN.wrapping_neg(), i32::MIN.wrapping_abs(), 200u8.wrapping_mul(3));
    println!("{} {} {} {}", u8::BITS, i64::BITS, u128::BITS, usize::BITS);
    println!("{} {}", i16::MAX.count_ones(), u64::MAX.leading_zeros());
}
