// Language: type aliases, consts and statics declared inside functions and blocks, alongside the
// top-level ones; aliases of generic std types used in signatures of local fns.
use std::collections::HashMap;

type Scores = HashMap<String, Vec<u32>>;
const PASS: u32 = 50;

fn report(scores: &Scores) -> Vec<String> {
    type Row = (String, u32, bool);
    const WIDTH: usize = 6;
    let mut rows: Vec<Row> = scores
        .iter()
        .map(|(name, s)| {
            let best = s.iter().copied().max().unwrap_or(0);
            (name.clone(), best, best >= PASS)
        })
        .collect();
    rows.sort();
    rows.iter().map(|(n, b, p)| format!("{:<WIDTH$}|{:>4}|{}", n, b, if *p { "pass" } else { "fail" })).collect()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut scores: Scores = HashMap::new();
    scores.entry("ada".to_string()).or_default().extend([40, 75]);
    scores.entry("bob".to_string()).or_default().push(30);
    for line in report(&scores) {
        println!("{line}");
    }
    type Pair = (u8, u8);
    static LIMITS: [Pair; 2] = [(1, 9), (10, 99)];
    let handle = tokio::spawn(async {
        type Total = u64;
        const SCALE: Total = 1_000;
        LIMITS.iter().map(|(a, b)| (*a as Total + *b as Total) * SCALE).sum::<Total>()
    });
    println!("total {}", handle.await.unwrap());
}
