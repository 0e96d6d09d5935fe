// Language: `impl Trait` in argument and return position — returned closures (impl Fn, impl FnMut),
// an iterator (impl Iterator), a future (impl Future<Output = ..>), and impl Display arguments.
use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn make_counter() -> impl FnMut() -> u32 {
    let mut count = 0;
    move || {
        count += 1;
        count
    }
}

fn apply_twice(f: impl Fn(i32) -> i32, x: i32) -> i32 {
    f(f(x))
}

fn compose(f: impl Fn(i32) -> i32, g: impl Fn(i32) -> i32) -> impl Fn(i32) -> i32 {
    move |x| g(f(x))
}

fn evens(limit: u32) -> impl Iterator<Item = u32> {
    (0..limit).filter(|n| n % 2 == 0)
}

fn delayed(value: u32, ms: u64) -> impl Future<Output = u32> {
    async move {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        value
    }
}

fn join_all_display(items: impl IntoIterator<Item = impl Display>) -> String {
    items.into_iter().map(|x| x.to_string()).collect::<Vec<_>>().join("|")
}

async fn run(f: impl Future<Output = u32>) -> u32 {
    f.await * 10
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let add5 = make_adder(5);
    println!("add5(1) = {}, twice = {}", add5(1), apply_twice(&add5, 1));
    let times3_then_add5 = compose(|x| x * 3, make_adder(5));
    println!("compose(*3, +5)(4) = {}", times3_then_add5(4));
    let mut next = make_counter();
    println!("counter: {} {} {}", next(), next(), next());
    println!("evens: {:?}", evens(10).collect::<Vec<_>>());
    println!("joined: {}", join_all_display(vec![1.5, 2.0]));
    println!("joined: {}", join_all_display(["a", "b", "c"]));

    let start = tokio::time::Instant::now();
    let a = delayed(1, 30);
    let b = delayed(2, 10);
    let (x, y) = tokio::join!(a, b);
    println!("delayed values {x} and {y} after {}ms", start.elapsed().as_millis());
    println!("run(delayed(4)) = {}", run(delayed(4, 5)).await);
    let spawned = tokio::spawn(delayed(7, 1));
    println!("spawned impl Future: {}", spawned.await.unwrap());
}
