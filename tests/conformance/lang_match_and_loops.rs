// Language: match on integers, bools, Option and Result; if let / while let; for over ranges
// and Vecs; loop/break/continue; shadowing; const; integer suffixes; tuple patterns; arithmetic.
const LIMIT: u64 = 4;

fn describe(n: u64) -> String {
    match n {
        0 => "zero".to_string(),
        1 => "one".to_string(),
        _ => format!("many ({n})"),
    }
}

fn checked_div(a: i32, b: i32) -> Result<i32, String> {
    if b == 0 {
        Err(format!("cannot divide {a} by zero"))
    } else {
        Ok(a / b)
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for n in 0..3u64 {
        println!("{n} is {}", describe(n));
    }
    let mut total = 0;
    for i in 1..=10 {
        if i % 3 == 0 {
            continue;
        }
        total += i;
    }
    let total = total * 2 - 1;
    println!("shadowed total: {total}, remainder {}", total % 7);
    for r in vec![checked_div(7, 2), checked_div(1, 0)] {
        match r {
            Ok(v) => println!("ok {v}"),
            Err(e) => println!("err {e}"),
        }
    }
    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        println!("popped {top}, empty now: {}", stack.is_empty());
    }
    let maybe: Option<u64> = None;
    if let Some(limit) = maybe {
        println!("unexpected {limit}");
    }
    for (n, flag) in vec![(1, true), (2, false)] {
        match flag {
            true => println!("pair {n} flagged"),
            false => println!("pair {n} not flagged, is None: {}", maybe.is_none()),
        }
    }
    let mut count = 0u64;
    loop {
        count += 1;
        if count >= LIMIT && !(count % 2 == 1) || count > 100 {
            break;
        }
    }
    println!("loop stopped at {count}");
}
