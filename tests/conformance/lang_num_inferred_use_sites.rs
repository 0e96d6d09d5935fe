// Language: integer types a learner never writes down — inferred from a parameter, a field, a Vec's
// element type, a closure's use, `+=` of a typed value, a HashMap's values — decide where wrapping
// methods wrap and where overflow panics (`v.len() - 1` on an empty Vec, a u8 sum in main).
use std::collections::HashMap;

fn takes_u8(x: u8) -> u8 { x }
struct Point { x: i8, y: u16 }
fn last_index(v: &[i32]) -> usize { v.len() - 1 }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = 200;
    let b = takes_u8(a);
    println!("a={} b={} wrap={} bits={}", a, b, a.wrapping_add(100), a.count_zeros());
    let v: Vec<u64> = vec![u64::MAX / 2, u64::MAX / 4];
    let mut total = 0;
    for x in &v { total += x; }
    println!("total={} zeros={}", total, total.leading_zeros());
    let n = v.len();
    let idx = n - 1;
    println!("idx={} wrap={}", idx, idx.wrapping_sub(5));
    let x = 5;
    let y: i64 = x * 1_000_000_000_000;
    println!("y={} x.pow={}", y, x.pow(15));
    let add = |p, q| p + q;
    let s = add(250u8, 5);
    println!("s={} checked={:?}", s, s.checked_add(1));
    let p = Point { x: 100, y: 65_000 };
    println!("px={:?} py={}", p.x.checked_add(100), p.y.wrapping_add(1_000));
    let t: (u16, i64) = (65535, -1);
    println!("t0={} t1={}", t.0.wrapping_add(1), t.1.wrapping_mul(i64::MAX));
    let arr = [0u32; 4];
    println!("arr={} {}", arr[0].wrapping_sub(1), arr.len());
    let o = Some(250);
    if let Some(w) = o {
        let z: u8 = w;
        println!("w={:?} z={}", w.checked_add(10), z);
    }
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for word in "a b a c a b".split(' ') {
        *counts.entry(word).or_insert(0) += 1;
    }
    let a_count = counts["a"];
    println!("a={} sq={} neg={}", a_count, a_count.pow(2), a_count.wrapping_neg());
    let small: Vec<i16> = vec![30_000, 2_000];
    let ssum: i32 = small.iter().map(|&q| q as i32).sum();
    println!("ssum={} max={}", ssum, small.iter().max().unwrap().wrapping_mul(2));
    let empty: Vec<i32> = Vec::new();
    let r = tokio::spawn(async move { last_index(&empty) }).await;
    println!("last_index(empty) panicked: {}", r.is_err());
    let ages: Vec<u8> = vec![200, 100];
    let mut sum = 0;
    for age in &ages {
        sum += age;
        println!("running {sum}");
    }
    println!("unreachable {sum}");
}
