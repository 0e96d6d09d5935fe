// Language: every integer has a type, inferred the way rustc does — from `let` annotations, suffixes,
// struct fields, fn signatures, casts and method returns — and wrapping, shifts, `!` and hex follow it.
use tokio::sync::mpsc;

#[derive(Debug)]
struct Packet {
    seq: u8,
    len: u16,
    checksum: u32,
}

fn next_seq(s: u8) -> u8 {
    s.wrapping_add(1)
}

fn checksum(data: &[u8]) -> u32 {
    let mut c = 0;
    for &b in data {
        c = (c << 5 | c >> 27) ^ b as u32;
        c = c.wrapping_mul(2654435761);
    }
    c
}

async fn producer(tx: mpsc::Sender<Packet>) {
    let mut seq = 252;
    for i in 0..6 {
        seq = next_seq(seq);
        let data = vec![i as u8 * 51; i % 3 + 1];
        let p = Packet { seq, len: data.len() as u16 * 1000, checksum: checksum(&data) };
        tx.send(p).await.unwrap();
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel(2);
    tokio::spawn(producer(tx));
    let mut total_len = 0;
    while let Some(p) = rx.recv().await {
        total_len += p.len as u64 * 5_000_000_000;
        println!("{:?} seq={:#04x} !seq={} csum={:08X}", p, p.seq, !p.seq, p.checksum);
    }
    println!("total {}", total_len);

    let flags: u16 = 0b1010;
    let mask = !flags;
    println!("mask {} {:#b} as i16 {}", mask, mask & 0xff, mask as i16);
    let all = !0u64;
    let none = !0i64;
    println!("!0u64 {} !0i64 {} !0u32 {}", all, none, !0u32);
    let small: i8 = -5;
    println!("i8 {:x} {:b} {:o} {:X}", small, small, small, small);
    let k: i16 = -2;
    let long = -1i64;
    println!("i16 {:#x} i64 {:x} i128 {:x}", k, long, -1i128);
    println!("u128 {:x} usize {:x}", u128::MAX, usize::MAX);
    let top = u64::MAX / 2 + 1;
    println!("shifts {} {} {} {}", top >> 3, top << 1, (-8i32) >> 1, 1i32 << 31);
    let v: Vec<u64> = vec![u64::MAX, 1 << 60, 12345];
    let wide: u128 = v.iter().map(|&x| x as u128).sum();
    println!("sum as u128 {}", wide);
    let idx = v.len() - 1;
    println!("last {} at {} of {}", v[idx], idx, usize::MAX);
    let millis = std::time::Duration::from_secs(u64::MAX / 1000).as_millis();
    println!("millis {} {}", millis, millis * 1000 + 999);
}
