// Language: operator overloading on a newtype — Add, Sub, Mul<u32>, Neg, AddAssign, SubAssign, Index,
// a by-reference `impl Add<&Money> for &Money`, derived ordering, Display; tasks sum amounts.
use std::fmt;
use std::ops::{Add, AddAssign, Index, Mul, Neg, Sub, SubAssign};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Money(i64);

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{}${}.{:02}", sign, self.0.abs() / 100, self.0.abs() % 100)
    }
}

impl Add for Money { type Output = Money; fn add(self, o: Money) -> Money { Money(self.0 + o.0) } }
impl Sub for Money { type Output = Money; fn sub(self, o: Money) -> Money { Money(self.0 - o.0) } }
impl Mul<u32> for Money { type Output = Money; fn mul(self, k: u32) -> Money { Money(self.0 * k as i64) } }
impl Neg for Money { type Output = Money; fn neg(self) -> Money { Money(-self.0) } }
impl AddAssign for Money { fn add_assign(&mut self, o: Money) { self.0 += o.0; } }
impl SubAssign for Money { fn sub_assign(&mut self, o: Money) { self.0 -= o.0; } }
impl<'a> Add<&'a Money> for &'a Money {
    type Output = Money;
    fn add(self, o: &Money) -> Money { Money(self.0 + o.0) }
}

struct Ledger { entries: Vec<Money> }
impl Index<usize> for Ledger {
    type Output = Money;
    fn index(&self, i: usize) -> &Money { &self.entries[i] }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct P { x: i32, y: i32 }
impl Add for P { type Output = P; fn add(self, o: P) -> P { P { x: self.x + o.x, y: self.y + o.y } } }
impl Mul<i32> for P { type Output = P; fn mul(self, k: i32) -> P { P { x: self.x * k, y: self.y * k } } }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let price = Money(1999);
    let tax = Money(160);
    println!("{} + {} = {}", price, tax, price + tax);
    println!("{} - {} = {}", price, tax, price - tax);
    println!("3 x {} = {}", price, price * 3);
    println!("neg: {} {:?}", -price, -tax);
    println!("by ref: {}", &price + &tax);
    let mut wallet = Money(5000);
    wallet -= price;
    wallet += Money(25);
    println!("wallet {wallet}, still >= price? {}", wallet >= price);
    let mut handles = Vec::new();
    for i in 1..=3u32 {
        handles.push(tokio::spawn(async move { Money(100) * i + Money(1) }));
    }
    let mut sum = Money(0);
    for h in handles { sum += h.await.unwrap(); }
    println!("sum from tasks: {sum}");
    let ledger = Ledger { entries: vec![Money(5), Money(-250), Money(1234)] };
    println!("ledger[1] = {}, max = {}", ledger[1], ledger.entries.iter().max().unwrap());
    let mut sorted = ledger.entries.clone();
    sorted.sort();
    println!("{:?}", sorted);
    let total = ledger.entries.iter().fold(Money(0), |a, b| a + *b);
    println!("total {total}");
    let p = P { x: 1, y: 2 } + P { x: 10, y: 20 } * 2;
    println!("{:?} {}", p, p == P { x: 21, y: 42 });
}
