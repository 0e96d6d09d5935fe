// futures' joins poll their futures in order from the first on every poll (futures::join!,
// future::join), while tokio::join! starts one further on each poll: the interleaving shows it.
use futures::future;
use tokio::task::yield_now;

async fn worker(name: &'static str, steps: u32) -> u32 {
    for i in 0..steps {
        println!("{name} step {i}");
        yield_now().await;
    }
    steps
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (a, b, c) = futures::join!(worker("a", 2), worker("b", 3), worker("c", 1));
    println!("futures::join! -> {a} {b} {c}");
    let (x, y) = tokio::join!(worker("x", 3), worker("y", 3));
    println!("tokio::join! -> {x} {y}");
    let (p, q) = future::join(worker("p", 2), worker("q", 2)).await;
    println!("future::join -> {p} {q}");
    let r: Result<(u32, u32), String> = future::try_join(async { Ok(1) }, async { Err::<u32, String>("no".into()) }).await;
    println!("try_join -> {r:?}");
}
