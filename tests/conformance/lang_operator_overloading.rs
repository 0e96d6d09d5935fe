// Language: operator traits — Add, Sub, Mul (by a scalar), Neg, AddAssign, Index/IndexMut, PartialEq
// and PartialOrd by hand, and iter().sum() through impl Sum — on a small vector type moved into tasks.
use std::iter::Sum;
use std::ops::{Add, AddAssign, Index, IndexMut, Mul, Neg, Sub};

#[derive(Debug, Clone, Copy, PartialEq)]
struct V2 { x: f64, y: f64 }

impl V2 { fn len(self) -> f64 { (self.x * self.x + self.y * self.y).sqrt() } }

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 { V2 { x: self.x + o.x, y: self.y + o.y } }
}

impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 { V2 { x: self.x - o.x, y: self.y - o.y } }
}

impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 { V2 { x: self.x * k, y: self.y * k } }
}

impl Neg for V2 {
    type Output = V2;
    fn neg(self) -> V2 { V2 { x: -self.x, y: -self.y } }
}

impl AddAssign for V2 {
    fn add_assign(&mut self, o: V2) {
        self.x += o.x;
        self.y += o.y;
    }
}

impl Sum for V2 {
    fn sum<I: Iterator<Item = V2>>(iter: I) -> V2 { iter.fold(V2 { x: 0.0, y: 0.0 }, |a, b| a + b) }
}

impl PartialOrd for V2 {
    fn partial_cmp(&self, other: &V2) -> Option<std::cmp::Ordering> {
        self.len().partial_cmp(&other.len())
    }
}

struct Path { points: Vec<V2> }

impl Index<usize> for Path {
    type Output = V2;
    fn index(&self, i: usize) -> &V2 { &self.points[i % self.points.len()] }
}

impl IndexMut<usize> for Path {
    fn index_mut(&mut self, i: usize) -> &mut V2 {
        let n = self.points.len();
        &mut self.points[i % n]
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = V2 { x: 3.0, y: 4.0 };
    let b = V2 { x: -1.0, y: 0.5 };
    println!("a+b={:?} a-b={:?} a*2={:?} -b={:?}", a + b, a - b, a * 2.0, -b);
    println!("|a|={} a>b: {} a==a*1: {}", a.len(), a > b, a == a * 1.0);
    let mut pos = V2 { x: 0.0, y: 0.0 };
    for step in [a, b, b] { pos += step; }
    println!("pos {:?}", pos);
    let mut path = Path { points: vec![a, b] };
    path[3].y = 10.0;
    println!("path[0]={:?} path[1]={:?} path[5]={:?}", path[0], path[1], path[5]);

    let moves = vec![a, b, V2 { x: 0.25, y: -4.5 }];
    let total = tokio::spawn(async move { moves.into_iter().sum::<V2>() }).await.unwrap();
    println!("sum from a task {:?}, length {:.3}", total, total.len());
}
