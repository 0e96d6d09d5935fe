// futures' own executor: `futures::executor::block_on` runs a future on the current thread with no
// tokio at all; `join_all` polls a Vec of futures together and returns their outputs in order.
use futures::executor::block_on;
use futures::future::join_all;

async fn square(n: u32) -> u32 {
    println!("square({n}) polled");
    n * n
}

async fn run() -> u32 {
    let futs = vec![square(1), square(2), square(3)];
    println!("created 3 futures, none has run");
    let results = join_all(futs).await;
    println!("join_all: {results:?}");
    results.iter().sum()
}

fn main() {
    let total = block_on(run());
    println!("block_on returned {total}");
    let hello = block_on(async { String::from("hello from block_on") });
    println!("{hello}");
}
