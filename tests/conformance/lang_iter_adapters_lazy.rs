// Language: iterator adapters are lazy — side effects in map/filter/inspect show that nothing runs
// until a consumer pulls, that elements flow one at a time through the chain, and that take stops early.
async fn numbers_from_db() -> Vec<u32> {
    tokio::task::yield_now().await;
    vec![5, 12, 7, 20, 3, 18]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let data = numbers_from_db().await;
    let lazy = data.iter().map(|x| {
        println!("  map sees {x}");
        x * 2
    });
    println!("built the map adapter, nothing printed yet");
    let firsts: Vec<u32> = lazy.take(2).collect();
    println!("took {:?}", firsts);

    let found = data
        .iter()
        .inspect(|x| println!("  inspect {x}"))
        .filter(|x| **x > 10)
        .map(|x| x * 100)
        .next();
    println!("first big one: {:?}", found);

    println!("(1..).take(5): {:?}", (1..).take(5).collect::<Vec<u64>>());
    println!("step_by: {:?}", (0..20).step_by(6).collect::<Vec<_>>());
    println!("rev: {:?}", (1..=4).rev().collect::<Vec<_>>());
    println!("skip/take: {:?}", data.iter().skip(1).take(3).collect::<Vec<_>>());
    println!("enumerate: {:?}", data.iter().enumerate().filter(|(i, _)| i % 2 == 0).map(|(i, v)| format!("{i}:{v}")).collect::<Vec<_>>());
    println!("zip: {:?}", ["a", "b", "c"].iter().zip(data.iter()).collect::<Vec<_>>());
    println!("chain: {:?}", (1..3).chain(7..9).collect::<Vec<_>>());
    println!("flat_map: {:?}", vec!["ab", "cd"].iter().flat_map(|s| s.chars()).collect::<String>());
    println!("filter_map: {:?}", ["1", "x", "3"].iter().filter_map(|s| s.parse::<i32>().ok()).collect::<Vec<_>>());
    println!("take_while: {:?}", data.iter().take_while(|x| **x < 15).collect::<Vec<_>>());
    println!("skip_while: {:?}", data.iter().skip_while(|x| **x < 15).collect::<Vec<_>>());
    println!("scan: {:?}", data.iter().scan(0, |acc, x| { *acc += x; Some(*acc) }).collect::<Vec<_>>());
    println!("copied/cloned: {:?} {:?}", data.iter().copied().max(), vec!["s".to_string()].iter().cloned().collect::<Vec<String>>());

    let mut it = data.iter().peekable();
    let mut groups = Vec::new();
    while let Some(&x) = it.next() {
        let mut run = vec![x];
        while let Some(&&next) = it.peek() {
            if next > *run.last().unwrap() {
                run.push(next);
                it.next();
            } else {
                break;
            }
        }
        groups.push(run);
    }
    println!("ascending runs: {:?}", groups);

    let handles: Vec<_> = (1..=3u64).map(|i| tokio::spawn(async move { i * i })).collect();
    println!("spawned {} tasks lazily? no: collect made them", handles.len());
    let mut sum = 0;
    for h in handles {
        sum += h.await.unwrap();
    }
    println!("sum of squares from tasks: {sum}");
}
