// Language: 64-bit hashing and pseudo-random numbers a learner writes by hand (FNV-1a, xorshift64*,
// a linear congruential generator) — exact u64 wrapping arithmetic, shifts, xor and hex formatting.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

struct XorShift { state: u64 }

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.state = x;
        x.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 { self.next() % n }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for w in ["", "a", "tokio", "hello world"] {
        println!("fnv1a({w:?}) = {:016x} = {}", fnv1a(w), fnv1a(w));
    }
    let mut rng = XorShift { state: 0x9E3779B97F4A7C15 };
    let v: Vec<u64> = (0..4).map(|_| rng.next()).collect();
    println!("{:?}", v);
    let dice: Vec<u64> = (0..10).map(|_| rng.below(6) + 1).collect();
    println!("dice {:?}", dice);
    let mut lcg: u32 = 12345;
    let mut out = Vec::new();
    for _ in 0..5 {
        lcg = lcg.wrapping_mul(1103515245).wrapping_add(12345);
        out.push((lcg >> 16) & 0x7fff);
    }
    println!("lcg {:?}", out);
    let mixed = (v[0] >> 32) as u32 ^ v[0] as u32;
    println!("mixed {mixed:#010x} {:#b}", mixed >> 28);
    let f = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    println!("unit {:.6} {}", f, f < 1.0);
    let h = fnv1a("key") as usize % 16;
    println!("bucket {h} rot {:x} swap {:x}", 0x0123456789abcdefu64.rotate_left(8), 0x0102u16.swap_bytes());
    println!("{:?} {:?}", 0x12345678u32.to_be_bytes(), u32::from_le_bytes([0x78, 0x56, 0x34, 0x12]));
    println!("{}", i64::MIN as u64 >> 63);
}
