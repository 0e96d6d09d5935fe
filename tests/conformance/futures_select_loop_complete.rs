// The futures docs' select! loop: `future::ready` futures are Unpin and fused, so a loop can select
// over them until each has completed; `complete =>` runs once every branch is terminated, and
// `default =>` would run if none were ready (never here). Then the same over two fused streams.
use futures::{future, select, stream, StreamExt};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut a_fut = future::ready(4);
    let mut b_fut = future::ready(6);
    let mut total = 0;
    let mut rounds = 0;
    loop {
        select! {
            a = a_fut => total += a,
            b = b_fut => total += b,
            complete => break,
            default => unreachable!(),
        };
        rounds += 1;
    }
    println!("total {} after {} rounds", total, rounds);

    let mut odds = stream::iter(vec![1, 3, 5]).fuse();
    let mut evens = stream::iter(vec![2, 4]).fuse();
    let mut sum = 0;
    let mut items = 0;
    loop {
        select! {
            x = odds.next() => if let Some(x) = x { sum += x; items += 1; },
            y = evens.next() => if let Some(y) = y { sum += y; items += 1; },
            complete => break,
        }
    }
    println!("streams: {} items, sum {}", items, sum);
}
