// tokio_stream: `iter` makes a stream from an iterator, and tokio_stream::StreamExt's filter, map and
// take are applied as the stream is pulled with `next().await`.
use tokio_stream::{self as stream, StreamExt};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut s = stream::iter(1..=10).filter(|n| n % 3 != 0).map(|n| n * n).take(5);
    while let Some(v) = s.next().await {
        println!("got {v}");
    }
    let words = stream::iter(vec!["apple", "kiwi", "banana"]);
    let lengths: Vec<usize> = words.map(|w| w.len()).collect().await;
    println!("lengths: {lengths:?}");
    let mut empty = stream::empty::<u8>();
    println!("empty stream: {:?}", empty.next().await);
    let mut once = stream::once("only");
    println!("once: {:?} then {:?}", once.next().await, once.next().await);
}
