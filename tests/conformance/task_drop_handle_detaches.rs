// Dropping a JoinHandle detaches the task; it is NOT cancelled and keeps running. But when main
// returns the runtime shuts down and drops every task that is still pending, silently.
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let handle = tokio::spawn(async {
        println!("detached: step 1");
        sleep(Duration::from_millis(10)).await;
        println!("detached: step 2 (still running after its handle was dropped)");
    });
    drop(handle);
    tokio::spawn(async {
        println!("slow: started");
        sleep(Duration::from_millis(1000)).await;
        println!("slow: this line never prints");
    });
    sleep(Duration::from_millis(50)).await;
    println!("main: returning while slow task still sleeps");
}
