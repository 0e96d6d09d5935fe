// TryStreamExt on a stream of Results: `try_next()?` in a loop stops at the first error and
// propagates it out of the function; `try_collect` gathers the Ok values or returns the first Err;
// `map_ok` changes only the Ok items.
use futures::stream::{self, StreamExt, TryStreamExt};
use std::num::ParseIntError;

async fn sum_until_error(words: Vec<&'static str>) -> Result<i32, ParseIntError> {
    let mut numbers = stream::iter(words).map(|w| w.parse::<i32>());
    let mut total = 0;
    while let Some(n) = numbers.try_next().await? {
        println!("  adding {}", n);
        total += n;
    }
    Ok(total)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("good: {:?}", sum_until_error(vec!["1", "2", "3"]).await);
    println!("bad: {:?}", sum_until_error(vec!["4", "x", "5"]).await);

    let ok: Result<Vec<i32>, String> = stream::iter(vec![Ok(1), Ok(2), Ok(3)])
        .map_ok(|x| x * 10)
        .try_collect()
        .await;
    println!("try_collect ok: {:?}", ok);
    let err: Result<Vec<i32>, String> = stream::iter(vec![Ok(1), Err("boom".to_string()), Ok(3)])
        .try_collect()
        .await;
    println!("try_collect err: {:?}", err);
}
