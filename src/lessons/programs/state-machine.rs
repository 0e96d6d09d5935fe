use std::time::Duration;

// An async fn is compiled into an enum with one variant per .await: `Unresumed` before its first
// poll, `Suspend0 { .. }` and `Suspend1 { .. }` holding the locals alive across each await, then
// `Returned`. Watch `StepsFuture` in the Tasks panel change variant as main awaits it.
async fn steps(label: &'static str) -> u32 {
    let mut total = 0;
    for i in 1..=3u32 {
        tokio::time::sleep(Duration::from_millis(10)).await;
        total += i;
        println!("{}: step {}, total {}", label, i, total);
    }
    tokio::task::yield_now().await;
    total
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let total = steps("steps").await;
    println!("main: steps returned {}", total);
}
