// Language: integers as Rust has them — u64/i64/u128/usize exact far beyond 2^53, MIN/MAX, wrapping,
// checked, saturating and overflowing arithmetic, a 64-bit hash, shifts, bit methods and `as` casts.
fn fnv1a(data: &str) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    for b in data.bytes() {
        hash ^= b as u64;
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

async fn id_for(name: &str) -> u64 {
    tokio::task::yield_now().await;
    fnv1a(name)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("u64::MAX {} i64::MIN {} i64::MAX {}", u64::MAX, i64::MIN, i64::MAX);
    println!("u128::MAX {}", u128::MAX);
    println!("usize::MAX {} u32::MAX {} i8::MIN {}", usize::MAX, u32::MAX, i8::MIN);
    let big: u64 = 1 << 53;
    println!("2^53 + 1 = {}, 2^53 + 1 - 2^53 = {}", big + 1, big + 1 - big);
    println!("{}", 9_007_199_254_740_993u64 * 1000 + 7);
    println!("{}", 4_294_967_296u64 * 4_294_967_295);
    println!("{}", 18_446_744_073_709_551_615u64 / 3);
    println!("{} {}", 18_446_744_073_709_551_615u64 % 1_000_000_007, -17i64 % 5);
    println!("{} {}", -17i64 / 5, (-17i64).rem_euclid(5));
    println!("u128 product {}", 12_345_678_901_234_567_890u128 * 9_876_543_210);
    println!("wrapping_add {} wrapping_sub {} wrapping_mul {}", u64::MAX.wrapping_add(2), 0u64.wrapping_sub(1), u64::MAX.wrapping_mul(3));
    println!("checked_add {:?} {:?}", u64::MAX.checked_add(1), 40u64.checked_add(2));
    println!("checked_div {:?} checked_sub {:?}", 7u32.checked_div(0), 3u8.checked_sub(5));
    println!("saturating_sub {} saturating_add {}", 3u32.saturating_sub(5), i64::MAX.saturating_add(10));
    println!("overflowing_mul {:?} overflowing_add {:?}", u64::MAX.overflowing_mul(2), 200u8.overflowing_add(100));
    println!("pow {} i64 pow {} 3^40 {}", 2u64.pow(63), (-3i64).pow(39), 3u128.pow(40));
    println!("leading_zeros {} trailing_zeros {} count_ones {}", 1u64.leading_zeros(), 1024u64.trailing_zeros(), u64::MAX.count_ones());
    println!("rotate_left {:#x} swap_bytes {:#x}", 0x8000_0000_0000_0001u64.rotate_left(4), 0x1122334455667788u64.swap_bytes());
    println!("shifts {} {} {}", 1u64 << 63, u64::MAX >> 60, -256i64 >> 4);
    println!("as casts {} {} {} {}", 300i32 as u8, -1i32 as u32, -1i64 as u64, u64::MAX as i64);
    println!("as casts {} {} {}", 3_000_000_000u32 as i32, (1u64 << 40) as u32, 255u8 as i8);
    println!("hex {:x} {:016X} bin {:b}", u64::MAX, 255u64, 10u8);
    println!("parse {:?} {:?}", "18446744073709551615".parse::<u64>(), "18446744073709551616".parse::<u64>());
    println!("abs_diff {} signum {} min {}", 3u64.abs_diff(u64::MAX), (-9i64).signum(), u64::MAX.min(7));

    let mut ids = Vec::new();
    for name in ["tokio", "rust", "mio"] {
        let id = id_for(name).await;
        ids.push((name, id, id % 1024));
    }
    for (name, id, bucket) in &ids {
        println!("{name:>6}: {id:>20} = {id:#018x}, bucket {bucket}");
    }
    let combined = ids.iter().fold(0u64, |acc, (_, id, _)| acc.rotate_left(5) ^ id);
    println!("combined {combined}");
}
