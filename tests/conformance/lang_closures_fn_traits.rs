// Language: closures and the Fn traits — Fn/FnMut/FnOnce parameters, captures by reference, by
// mutable reference and by move, Box<dyn Fn> in a HashMap of commands, fn pointers, closures in tasks.
use std::collections::HashMap;

fn call_twice<F: FnMut() -> u32>(mut f: F) -> (u32, u32) {
    (f(), f())
}

fn consume<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn apply_all(fs: &[&dyn Fn(i64) -> i64], x: i64) -> Vec<i64> {
    fs.iter().map(|f| f(x)).collect()
}

fn double(x: i64) -> i64 {
    x * 2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let base = 10;
    let add_base = |x: i64| x + base; // borrows base
    let mut calls = 0;
    let mut counter = || {
        calls += 1; // mutably borrows calls
        calls * 100
    };
    println!("call_twice: {:?}", call_twice(&mut counter));
    println!("calls after: {calls}");

    let name = String::from("tokio");
    let greeting = move || format!("hello {name}"); // moves name
    println!("{}", consume(greeting));

    let square = |x: i64| x * x;
    let as_pointer: fn(i64) -> i64 = double;
    println!("apply_all: {:?}", apply_all(&[&add_base, &square, &as_pointer, &|x: i64| -x], 7));

    let mut commands: HashMap<&str, Box<dyn Fn(&[i64]) -> i64 + Send + Sync>> = HashMap::new();
    commands.insert("sum", Box::new(|xs: &[i64]| -> i64 { xs.iter().sum() }));
    commands.insert("max", Box::new(|xs: &[i64]| *xs.iter().max().unwrap_or(&0)));
    let offset = 1000;
    commands.insert("offset", Box::new(move |xs: &[i64]| xs.len() as i64 + offset));
    let mut names: Vec<_> = commands.keys().copied().collect();
    names.sort();
    for n in &names {
        println!("{n}({:?}) = {}", [3, 9, 4], commands[n](&[3, 9, 4]));
    }

    let mut log: Vec<String> = Vec::new();
    let mut record = |msg: &str| log.push(msg.to_uppercase());
    record("first");
    record("second");
    println!("log: {:?}", log);

    let multiplier = 3;
    let handles: Vec<_> = (1..=3)
        .map(|i| {
            let f = move |x: i32| x * multiplier + i;
            tokio::spawn(async move { f(10) })
        })
        .collect();
    for h in handles {
        print!("{} ", h.await.unwrap());
    }
    println!();
    let mut sorted = vec!["ccc", "a", "bb"];
    sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
    println!("{:?} base still {base}", sorted);
}
