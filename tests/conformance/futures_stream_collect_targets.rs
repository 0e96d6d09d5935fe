// tokio_stream's collect builds what the annotation asks for: a Vec, a String, or a Result that
// stops pulling at the first Err (the items after it are never produced).
use tokio_stream::{self as stream, StreamExt};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let ok: Result<Vec<u32>, String> = stream::iter(vec![Ok(1), Ok(2)]).collect().await;
    println!("{ok:?}");
    let parsed: Result<Vec<u32>, String> = stream::iter(vec!["1", "x", "3"])
        .map(|s| {
            println!("parsing {s}");
            s.parse::<u32>().map_err(|e| format!("{s}: {e}"))
        })
        .collect()
        .await;
    println!("{parsed:?}");
    let word: String = stream::iter(vec!["str", "eam"]).collect().await;
    println!("{word}");
    let v = stream::iter(vec![3, 1, 2]).collect::<Vec<_>>().await;
    println!("{v:?}");
    let total = stream::iter(1..=4).fold(0, |acc, x| acc + x).await;
    println!("fold {total}");
}
