// Language: BTreeMap keeps keys ordered — a leaderboard fed by tasks over a channel: entry().and_modify
// .or_insert, ordered iteration and {:?}, range, first/last_key_value, values_mut, remove, iter().rev().
use std::collections::BTreeMap;
use std::time::Duration;
use tokio::sync::mpsc;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<(&'static str, u32)>(16);
    let players = [("mallory", 31u64), ("bob", 10), ("alice", 21), ("carol", 6)];
    for (name, delay) in players {
        let tx = tx.clone();
        tokio::spawn(async move {
            for round in 1..=3u32 {
                tokio::time::sleep(Duration::from_millis(delay * round as u64)).await;
                tx.send((name, round * name.len() as u32)).await.unwrap();
            }
        });
    }
    drop(tx);

    let mut scores: BTreeMap<&str, u32> = BTreeMap::new();
    let mut arrivals = Vec::new();
    while let Some((name, points)) = rx.recv().await {
        arrivals.push(name);
        scores.entry(name).and_modify(|s| *s += points).or_insert(points);
    }
    println!("arrival order: {:?}", arrivals);
    println!("{:?}", scores);
    for (name, score) in &scores {
        println!("{name:<8}{score:>4}");
    }
    println!("first {:?}, last {:?}", scores.first_key_value(), scores.last_key_value());
    let b_to_c: Vec<_> = scores.range("b".."d").collect();
    println!("range b..d: {:?}", b_to_c);
    for s in scores.values_mut() {
        *s *= 10;
    }
    println!("removed carol: {:?}", scores.remove("carol"));
    let reversed: Vec<String> = scores.iter().rev().map(|(k, v)| format!("{k}={v}")).collect();
    println!("{}", reversed.join(", "));

    let mut by_score: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for (name, score) in &scores {
        by_score.entry(*score).or_default().push(name);
    }
    println!("{:#?}", by_score);
}
