// Language: HashMap — tasks count words per line (entry().or_insert), main merges the maps, then
// get/insert/remove/contains_key/get_mut/retain/or_insert_with; iteration is sorted before printing.
use std::collections::HashMap;

const TEXT: &str = "the quick brown fox\njumps over the lazy dog\nthe dog sleeps\nquick quick fox";

async fn count_words(line: String) -> HashMap<String, usize> {
    tokio::task::yield_now().await;
    let mut counts = HashMap::new();
    for word in line.split_whitespace() {
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handles: Vec<_> = TEXT.lines().map(|l| tokio::spawn(count_words(l.to_string()))).collect();
    let mut total: HashMap<String, usize> = HashMap::new();
    let mut lines_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, h) in handles.into_iter().enumerate() {
        for (word, n) in h.await.unwrap() {
            *total.entry(word.clone()).or_default() += n;
            lines_of.entry(word).or_insert_with(Vec::new).push(i + 1);
        }
    }

    let mut by_count: Vec<(&String, &usize)> = total.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (word, n) in by_count.iter().take(4) {
        println!("{word:>6}: {n}");
    }
    println!("distinct words: {}, total words: {}", total.len(), total.values().sum::<usize>());

    println!("get(\"fox\") = {:?}, get(\"cat\") = {:?}", total.get("fox"), total.get("cat"));
    println!("contains_key(\"dog\") = {}", total.contains_key("dog"));
    println!("insert(\"cat\", 1) = {:?}", total.insert("cat".to_string(), 1));
    println!("insert(\"cat\", 2) = {:?}", total.insert("cat".to_string(), 2));
    if let Some(n) = total.get_mut("cat") {
        *n *= 10;
    }
    println!("cat is now {}", total["cat"]);
    println!("remove(\"cat\") = {:?}, again = {:?}", total.remove("cat"), total.remove("cat"));

    total.retain(|_, n| *n > 1);
    let mut frequent: Vec<_> = total.into_iter().collect();
    frequent.sort();
    println!("frequent: {:?}", frequent);

    let mut the_lines = lines_of["the"].clone();
    the_lines.sort();
    println!("\"the\" is on lines {:?}", the_lines);
    let lookup: HashMap<&str, i32> = HashMap::from([("one", 1), ("two", 2)]);
    let mut keys: Vec<_> = lookup.keys().collect();
    keys.sort();
    println!("{:?} sum {}", keys, lookup.values().sum::<i32>());
}
