// More futures StreamExt: take_while / skip_while with async predicates, zip, chunks, inspect,
// any / all, and stream::select interleaving two timed streams (round robin, first side first).
use futures::stream::{self, StreamExt};
use std::time::Duration;
use tokio::time::{sleep, Instant};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let small: Vec<u32> = stream::iter(1..10).take_while(|x| futures::future::ready(*x < 4)).collect().await;
    let rest: Vec<u32> = stream::iter(1..7).skip_while(|x| futures::future::ready(*x < 4)).collect().await;
    println!("take_while {small:?}, skip_while {rest:?}");
    let pairs: Vec<(char, u32)> = stream::iter(vec!['a', 'b', 'c']).zip(stream::iter(1..)).collect().await;
    println!("zip {pairs:?}");
    let chunks: Vec<Vec<u32>> = stream::iter(1..=7)
        .inspect(|x| if x % 3 == 0 { println!("saw {x}") })
        .chunks(3)
        .collect()
        .await;
    println!("chunks {chunks:?}");
    let any_big = stream::iter(vec![1, 5, 12]).any(|x| async move { x > 10 }).await;
    let all_pos = stream::iter(vec![1, -5, 12]).all(|x| async move { x > 0 }).await;
    println!("any > 10: {any_big}, all > 0: {all_pos}");

    let start = Instant::now();
    let fast = stream::iter(0..3).then(|i| async move {
        sleep(Duration::from_millis(10)).await;
        format!("fast {i}")
    });
    let slow = stream::iter(0..2).then(|i| async move {
        sleep(Duration::from_millis(25)).await;
        format!("slow {i}")
    });
    let mut both = stream::select(Box::pin(fast), Box::pin(slow));
    while let Some(m) = both.next().await {
        println!("{m} at {}ms", start.elapsed().as_millis());
    }
}
