// StreamExt adapters a learner reaches for after `map`/`filter`: `flat_map` (a stream per item),
// `flatten` (a stream of streams), `scan` (running state; its closure returns a future of an
// Option, and None ends the stream), then `zip` + `enumerate`, `skip_while` / `take_while`, and the
// consumers `fold`, `any`, `all`, all on futures' streams.
use futures::future;
use futures::stream::{self, StreamExt};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let repeated: Vec<u32> = stream::iter(1..=3u32)
        .flat_map(|n| stream::iter(vec![n; n as usize]))
        .collect()
        .await;
    println!("flat_map: {:?}", repeated);

    let nested = stream::iter(vec![
        stream::iter(vec!["a", "b"]),
        stream::iter(vec![]),
        stream::iter(vec!["c"]),
    ]);
    let flat: Vec<&str> = nested.flatten().collect().await;
    println!("flatten: {:?}", flat);

    let running: Vec<i32> = stream::iter(vec![3, 1, 4, 1, 5, 9])
        .scan(0, |total, x| {
            *total += x;
            future::ready(if *total > 10 { None } else { Some(*total) })
        })
        .collect()
        .await;
    println!("scan: {:?}", running);

    let pairs: Vec<(usize, (&str, i32))> = stream::iter(vec!["x", "y", "z"])
        .zip(stream::iter(10..))
        .enumerate()
        .collect()
        .await;
    println!("zip+enumerate: {:?}", pairs);

    let middle: Vec<i32> = stream::iter(1..=10)
        .skip_while(|x| future::ready(*x < 4))
        .take_while(|x| future::ready(*x < 8))
        .collect()
        .await;
    println!("skip_while+take_while: {:?}", middle);

    let sum = stream::iter(1..=4).fold(0, |acc, x| async move { acc + x }).await;
    let any_big = stream::iter(1..=4).any(|x| async move { x > 3 }).await;
    let all_pos = stream::iter(1..=4).all(|x| async move { x > 0 }).await;
    println!("fold {} any {} all {}", sum, any_big, all_pos);
}
