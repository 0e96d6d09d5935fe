// `peekable()` looks at the next item without taking it (futures' `peek` needs the stream pinned);
// `next_if`-style grouping of equal neighbours. Then `select_next_some()` inside a select! loop
// over two fused streams: it skips the None of a finished stream, and `complete =>` ends the loop.
use futures::stream::{self, StreamExt};
use futures::{pin_mut, select};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let s = stream::iter(vec![1, 1, 2, 3, 3, 3]).peekable();
    pin_mut!(s);
    while let Some(x) = s.next().await {
        let mut run = 1;
        while let Some(&y) = s.as_mut().peek().await {
            if y != x {
                break;
            }
            s.next().await;
            run += 1;
        }
        println!("{} x{}", x, run);
    }

    let mut a = stream::iter(vec![1, 2, 3]).fuse();
    let mut b = stream::iter(vec![100, 200]).fuse();
    let mut total = 0;
    let mut count = 0;
    loop {
        select! {
            x = a.select_next_some() => { total += x; count += 1; }
            y = b.select_next_some() => { total += y; count += 1; }
            complete => break,
        }
    }
    println!("select_next_some: {} items, total {}", count, total);
}
