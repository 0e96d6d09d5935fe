// Language: HashSet (insert returns bool, contains, remove, set algebra — sorted before printing) and
// BTreeSet (ordered iteration, range, first/last, {:?} in order); tasks report which ids they saw.
use std::collections::{BTreeSet, HashSet};

async fn seen_by(worker: u32) -> HashSet<u32> {
    tokio::task::yield_now().await;
    (1..=12).filter(|id| id % (worker + 1) == 0).collect()
}

fn sorted(set: &HashSet<u32>) -> Vec<u32> {
    let mut v: Vec<u32> = set.iter().copied().collect();
    v.sort();
    v
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut set = HashSet::new();
    println!("insert 3: {}", set.insert(3));
    println!("insert 3 again: {}", set.insert(3));
    set.insert(5);
    println!("contains 5: {}, contains 4: {}, len {}", set.contains(&5), set.contains(&4), set.len());
    println!("remove 5: {}, remove 5 again: {}", set.remove(&5), set.remove(&5));

    let a = tokio::spawn(seen_by(1)).await.unwrap(); // multiples of 2
    let b = tokio::spawn(seen_by(2)).await.unwrap(); // multiples of 3
    println!("a = {:?}", sorted(&a));
    println!("b = {:?}", sorted(&b));
    let both: HashSet<u32> = a.intersection(&b).copied().collect();
    let either: HashSet<u32> = a.union(&b).copied().collect();
    let only_a: HashSet<u32> = a.difference(&b).copied().collect();
    println!("both {:?}, either has {}, only a {:?}", sorted(&both), either.len(), sorted(&only_a));
    println!("both is subset of a: {}", both.is_subset(&a));

    let words: BTreeSet<&str> = "the cat sat on the mat the end".split(' ').collect();
    println!("{:?}", words);
    println!("first {:?}, last {:?}", words.first(), words.last());
    let middle: Vec<&&str> = words.range("d".."p").collect();
    println!("from d to p: {:?}", middle);
    let mut nums: BTreeSet<i64> = [5, -3, 12, 0, 5].into_iter().collect();
    nums.insert(7);
    println!("{:?} len {}", nums, nums.len());
    println!("pop_first {:?}, then {:?}", nums.pop_first(), nums);
    let evens: BTreeSet<i64> = nums.iter().filter(|n| *n % 2 == 0).cloned().collect();
    println!("evens {:?}", evens);
}
