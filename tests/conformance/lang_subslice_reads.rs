// Language: reading through sub-slices — `&v[a..b]` passed to functions, iterated, searched, split,
// compared and collected; ranges of every form; writes go through the vector itself.
fn sum(xs: &[i64]) -> i64 {
    xs.iter().sum()
}

fn largest_window(xs: &[i64], n: usize) -> (usize, i64) {
    xs.windows(n).map(sum).enumerate().max_by_key(|(_, s)| *s).unwrap()
}

fn main() {
    let mut v: Vec<i64> = (1..=10).map(|x| x * x % 17).collect();
    println!("v = {:?}", v);
    println!("first half {:?}, sum {}", &v[..5], sum(&v[..5]));
    println!("tail {:?}, middle {:?}, inclusive {:?}", &v[7..], &v[3..6], &v[3..=6]);
    println!("largest window of 3: {:?}", largest_window(&v[2..], 3));
    let (a, b) = v[1..9].split_at(4);
    println!("split {:?} {:?} equal? {}", a, b, a == b);
    println!("contains 13: {}, position of 13: {:?}", v[..].contains(&13), v[2..].iter().position(|&x| x == 13));
    let evens: Vec<i64> = v[1..].iter().step_by(2).copied().collect();
    println!("every other from 1: {:?}", evens);
    for i in 2..5 {
        v[i] *= -1;
    }
    let len = v.len();
    v[len - 1] = 0;
    println!("after writes through v: {:?}", v);
    let mut sorted = v[..6].to_vec();
    sorted.sort_unstable();
    println!("a sorted copy {:?}, v unchanged {:?}", sorted, &v[..6]);
    let chunks: Vec<i64> = v.chunks(3).map(|c| c.iter().product()).collect();
    println!("chunk products {:?}", chunks);
}
