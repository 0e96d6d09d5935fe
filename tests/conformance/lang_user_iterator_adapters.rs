// Language: a struct implementing `Iterator` used everywhere an iterator goes — `for`, adapters
// (`map`, `filter`, `zip`, `take`, `skip`, `enumerate`, `step_by`), consumers (`sum`, `collect`,
// `max`, `count`, `last`), `by_ref`, and an iterator held in a task across awaits.
use std::time::Duration;

struct Countdown { n: u32 }

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.n == 0 { return None; }
        self.n -= 1;
        Some(self.n + 1)
    }
}

struct Collatz { cur: u64, done: bool }

impl Collatz { fn new(start: u64) -> Self { Collatz { cur: start, done: false } } }

impl Iterator for Collatz {
    type Item = u64;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done { return None; }
        let v = self.cur;
        if v == 1 { self.done = true; } else if v % 2 == 0 { self.cur = v / 2; } else { self.cur = 3 * v + 1; }
        Some(v)
    }
}

fn evens<I: Iterator<Item = u32>>(it: I) -> Vec<u32> { it.filter(|x| x % 2 == 0).collect() }

fn squares(limit: u32) -> impl Iterator<Item = u32> { Countdown { n: limit }.map(|x| x * x) }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for x in (Countdown { n: 3 }) { print!("{x} "); }
    println!("liftoff");
    let v: Vec<u32> = Countdown { n: 5 }.map(|x| x * 10).collect();
    println!("{:?}", v);
    println!("sum={} count={} max={:?} last={:?}",
        Countdown { n: 4 }.sum::<u32>(), Countdown { n: 7 }.count(),
        Countdown { n: 6 }.max(), Countdown { n: 6 }.last());
    println!("evens {:?}", evens(Countdown { n: 9 }));
    println!("squares {:?}", squares(4).collect::<Vec<_>>());
    let pairs: Vec<(u32, char)> = Countdown { n: 3 }.zip("abc".chars()).collect();
    println!("{:?}", pairs);
    for (i, x) in (Countdown { n: 10 }).skip(2).step_by(3).enumerate() { println!("#{i}: {x}"); }
    let mut it = Countdown { n: 6 };
    let firsts: Vec<u32> = it.by_ref().take(2).collect();
    let rest: Vec<u32> = it.collect();
    println!("firsts {:?} rest {:?}", firsts, rest);
    let path: Vec<u64> = Collatz::new(6).collect();
    println!("collatz(6) = {:?} ({} steps)", path, path.len() - 1);
    let longest = (1..20u64).max_by_key(|&s| Collatz::new(s).count()).unwrap();
    println!("longest below 20 starts at {longest}");
    let ticker = tokio::spawn(async move {
        let mut c = Countdown { n: 3 };
        while let Some(t) = c.next() {
            tokio::time::sleep(Duration::from_millis(10)).await;
            println!("tick {t}");
        }
        "done"
    });
    println!("{}", ticker.await.unwrap());
}
