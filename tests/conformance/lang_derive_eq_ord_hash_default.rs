// Language: #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)] — field-by-field
// comparison, variant-order comparison of enums, Default values, struct update syntax, HashSet keys.
use std::collections::HashSet;
use tokio::sync::mpsc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
struct Version {
    major: u32,
    minor: u32,
    patch: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Priority {
    Low,
    Medium,
    High,
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Settings {
    name: String,
    retries: u32,
    verbose: bool,
    ratio: f64,
    tags: Vec<String>,
    limit: Option<u64>,
}

fn v(major: u32, minor: u32, patch: u32) -> Version {
    Version { major, minor, patch }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut versions = vec![v(1, 2, 3), v(0, 9, 9), v(1, 10, 0), v(1, 2, 3), Version::default()];
    println!("{:?} == {:?}: {}", versions[0], versions[3], versions[0] == versions[3]);
    println!("1.2.3 < 1.10.0: {}", v(1, 2, 3) < v(1, 10, 0));
    println!("max {:?}, min {:?}", versions.iter().max().unwrap(), versions.iter().min().unwrap());
    versions.sort();
    versions.dedup();
    println!("sorted unique: {:?}", versions);
    let unique: HashSet<Version> = [v(1, 0, 0), v(1, 0, 0), v(2, 0, 0)].into_iter().collect();
    println!("distinct in set: {}", unique.len());

    let a = v(3, 0, 0);
    let mut b = a; // Copy: a stays usable
    b.patch = 7;
    println!("a = {:?}, b = {:?}, cmp = {:?}", a, b, a.cmp(&b));

    println!("High > Low: {}, {:?}", Priority::High > Priority::Low, Priority::Medium.cmp(&Priority::High));
    println!("None < Some(0): {}, Some(2) > Some(1): {}", None < Some(0), Some(2) > Some(1));
    println!("tuples: {}", (1, "b") < (1, "c"));

    let defaults = Settings::default();
    println!("{:?}", defaults);
    let custom = Settings { name: "fast".to_string(), retries: 5, ..Default::default() };
    println!("{:?}", custom);
    println!("custom == default: {}, clone equal: {}", custom == defaults, custom.clone() == custom);

    let (tx, mut rx) = mpsc::channel(8);
    for (p, name) in [(Priority::Low, "sweep"), (Priority::High, "deploy"), (Priority::Medium, "test"), (Priority::High, "alert")] {
        let tx = tx.clone();
        tokio::spawn(async move { tx.send((p, name)).await.unwrap() });
    }
    drop(tx);
    let mut jobs = Vec::new();
    while let Some(job) = rx.recv().await {
        jobs.push(job);
    }
    jobs.sort_by(|a, b| b.cmp(a));
    println!("by priority: {:?}", jobs);
}
