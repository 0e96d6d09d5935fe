// `StreamExt::timeout` on an interval stream that ticks slower than the timeout: every slow gap is
// an Err(Elapsed) item, and the stream keeps going; `throttle` spaces out a fast stream.
use std::time::Duration;
use tokio::time::{interval, Instant};
use tokio_stream::wrappers::IntervalStream;
use tokio_stream::{self as stream, StreamExt};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let ticks = IntervalStream::new(interval(Duration::from_millis(50)))
        .timeout(Duration::from_millis(30))
        .take(5);
    tokio::pin!(ticks);
    while let Some(r) = ticks.next().await {
        match r {
            Ok(_) => println!("{}ms: tick", start.elapsed().as_millis()),
            Err(e) => println!("{}ms: {e:?}", start.elapsed().as_millis()),
        }
    }
    let t0 = Instant::now();
    let slow = stream::iter(1..=4).throttle(Duration::from_millis(25));
    tokio::pin!(slow);
    while let Some(v) = slow.next().await {
        println!("throttled {v} at {}ms", t0.elapsed().as_millis());
    }
}
