use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let background = tokio::spawn(async {
        println!("background: started, sleeping 500 ms");
        sleep(Duration::from_millis(500)).await;
        println!("background: finished");
    });
    sleep(Duration::from_millis(100)).await;
    println!("main: background finished? {}", background.is_finished());
    println!("main: returning");
}
