// Language: control flow as expressions — labeled breaks and continues, `break value` from loop,
// if/match/block expressions, shadowing, nested closures returning early, and `while let` on a queue.
async fn next_batch(n: u32) -> Option<Vec<u32>> {
    tokio::task::yield_now().await;
    if n < 3 { Some((n * 3..n * 3 + 3).collect()) } else { None }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let grid = [[1, 2, 3], [4, -5, 6], [7, 8, -9]];
    let mut first_negative = None;
    'rows: for (r, row) in grid.iter().enumerate() {
        for (c, &v) in row.iter().enumerate() {
            if v < 0 {
                first_negative = Some((r, c, v));
                break 'rows;
            }
        }
    }
    println!("first negative: {:?}", first_negative);

    let mut skipped = Vec::new();
    'outer: for i in 0..4 {
        for j in 0..4 {
            if j > i { continue 'outer; }
            if (i + j) % 3 == 0 { skipped.push((i, j)); }
        }
    }
    println!("pairs: {:?}", skipped);

    let mut n = 27u64;
    let mut steps = 0;
    let peak = loop {
        if n == 1 { break steps; }
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    };
    println!("collatz(27) takes {peak} steps");

    let x = 5;
    let x = x * 2;
    let label = {
        let x = x + 1;
        match x {
            0 => "zero",
            n if n % 2 == 1 => "odd",
            _ => "even",
        }
    };
    println!("x = {x}, block said {label}");

    let mut batch_no = 0;
    let mut seen = Vec::new();
    while let Some(batch) = next_batch(batch_no).await {
        batch_no += 1;
        let total: u32 = batch.iter().sum();
        if total % 2 == 0 { continue; }
        seen.push(total);
    }
    println!("odd batch totals {:?} after {batch_no} batches", seen);

    let find = |needle: i32| -> Option<usize> {
        for (i, row) in grid.iter().enumerate() { if row.contains(&needle) { return Some(i); } }
        None
    };
    println!("8 in row {:?}, 42 in row {:?}", find(8), find(42));
    let result = 'block: {
        if grid[0][0] != 1 { break 'block "unexpected"; }
        "as expected"
    };
    println!("{result}");
}
