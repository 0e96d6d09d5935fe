// Language: Durations as exact integers — u64 seconds and u128 nanoseconds beyond 2^53 (Duration::MAX,
// from_secs of huge counts), their Debug forms with and without precision, comparisons, subtraction.
use std::time::Duration;

fn describe(label: &str, d: Duration) {
    println!(
        "{label}: {:?} | {:.3?} | secs {} millis {} nanos {} subsec {}",
        d,
        d,
        d.as_secs(),
        d.as_millis(),
        d.as_nanos(),
        d.subsec_nanos()
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    describe("max", Duration::MAX);
    describe("century", Duration::from_secs(100 * 365 * 24 * 3600));
    describe("huge", Duration::from_secs(u64::MAX / 1000));
    describe("nanos", Duration::from_nanos(u64::MAX));
    describe("millis", Duration::from_millis(u64::MAX));
    describe("carry", Duration::new(5, 1_999_999_999));
    let a = Duration::from_secs(u64::MAX / 2);
    let b = Duration::from_millis(u64::MAX / 2);
    println!("a > b {} a == a {} max > a {}", a > b, a == Duration::from_secs(u64::MAX / 2), Duration::MAX > a);
    println!("{:?} {:?}", a.checked_sub(b), b.checked_sub(a));
    println!("{:?}", Duration::MAX.saturating_sub(Duration::from_nanos(999_999_999)));
    let total: u128 = [Duration::MAX, Duration::from_secs(1)].iter().map(|d| d.as_nanos() % 1_000_000_007).sum();
    println!("sum of residues {}", total);
    tokio::time::sleep(Duration::from_millis(1)).await;
    println!("slept {:?}", Duration::from_millis(1));
}
