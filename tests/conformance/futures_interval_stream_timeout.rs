// tokio_stream::wrappers::IntervalStream makes an interval a Stream of Instants; StreamExt::timeout
// yields Err(Elapsed) for every gap longer than the limit, without ending the stream.
use std::time::Duration;
use tokio::time::{interval, Instant};
use tokio_stream::wrappers::IntervalStream;
use tokio_stream::StreamExt;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let mut ticks = IntervalStream::new(interval(Duration::from_millis(100))).take(3);
    while let Some(t) = ticks.next().await {
        println!("tick at {}ms", (t - start).as_millis());
    }
    let slow = IntervalStream::new(interval(Duration::from_millis(100)))
        .timeout(Duration::from_millis(60))
        .take(4);
    tokio::pin!(slow);
    while let Some(item) = slow.next().await {
        match item {
            Ok(_) => println!("ok at {}ms", start.elapsed().as_millis()),
            Err(e) => println!("{e} at {}ms", start.elapsed().as_millis()),
        }
    }
}
