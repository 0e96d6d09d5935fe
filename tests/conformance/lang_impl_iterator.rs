// Language: iterators a program writes itself — `impl Iterator for T` (Fibonacci in u64, a countdown,
// a generic adapter struct), then used with the standard adapters, for loops and tasks.
struct Fibonacci { curr: u64, next: u64 }

impl Iterator for Fibonacci {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        let out = self.curr;
        let new_next = self.curr.checked_add(self.next)?;
        self.curr = self.next;
        self.next = new_next;
        Some(out)
    }
}

fn fibonacci() -> Fibonacci { Fibonacci { curr: 0, next: 1 } }

struct Countdown(u32);

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 { None } else {
            self.0 -= 1;
            Some(self.0 + 1)
        }
    }
}

/// Yields every item of the inner iterator twice.
struct Twice<I: Iterator> { inner: I, pending: Option<I::Item> }

impl<I> Iterator for Twice<I>
where
    I: Iterator,
    I::Item: Clone,
{
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if let Some(x) = self.pending.take() { return Some(x); }
        let x = self.inner.next()?;
        self.pending = Some(x.clone());
        Some(x)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("first 10: {:?}", fibonacci().take(10).collect::<Vec<_>>());
    println!("even ones below 1000: {:?}", fibonacci().take_while(|&f| f < 1000).filter(|f| f % 2 == 0).collect::<Vec<_>>());
    println!("how many fit in u64: {}", fibonacci().count());
    println!("largest: {}", fibonacci().last().unwrap());
    println!("90th: {:?}", fibonacci().nth(90));

    for n in Countdown(3) { println!("countdown {n}"); }
    println!("sum {}", Countdown(100).sum::<u32>());
    let twice = Twice { inner: Countdown(3), pending: None };
    println!("twice: {:?}", twice.collect::<Vec<_>>());
    let words = Twice { inner: ["a", "b"].into_iter(), pending: None };
    println!("twice words: {}", words.collect::<Vec<_>>().join(""));

    let mut handles = Vec::new();
    for (i, f) in fibonacci().skip(40).step_by(10).take(3).enumerate() {
        handles.push(tokio::spawn(async move {
            tokio::task::yield_now().await;
            format!("task {i}: fib has {} digits", f.to_string().len())
        }));
    }
    for h in handles { println!("{}", h.await.unwrap()); }
}
