// futures' `pin_mut!` pins futures on the stack so `future::select` can race them by reference:
// the loser is not consumed, so the loop can race it again against the next tick.
use futures::future::{self, Either};
use futures::pin_mut;
use std::time::Duration;
use tokio::time::{sleep, Instant};

async fn download() -> &'static str {
    sleep(Duration::from_millis(250)).await;
    "file.bin"
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let work = download();
    pin_mut!(work);
    loop {
        let tick = sleep(Duration::from_millis(100));
        pin_mut!(tick);
        match future::select(&mut work, tick).await {
            Either::Left((name, _)) => {
                println!("downloaded {name} at {}ms", start.elapsed().as_millis());
                break;
            }
            Either::Right(((), _)) => println!("still downloading at {}ms", start.elapsed().as_millis()),
        }
    }
}
