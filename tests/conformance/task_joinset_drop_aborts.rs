// Dropping a JoinSet aborts every task still in it, unlike dropping a plain JoinHandle, which
// only detaches. Only the detached task gets to print after its sleep.
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut set = JoinSet::new();
    for i in 0..3 {
        set.spawn(async move {
            println!("set task {i}: started");
            sleep(Duration::from_millis(10)).await;
            println!("set task {i}: this line never prints");
        });
    }
    let handle = tokio::spawn(async {
        println!("plain task: started");
        sleep(Duration::from_millis(10)).await;
        println!("plain task: finished after its handle was dropped");
    });
    sleep(Duration::from_millis(1)).await;
    drop(set);
    drop(handle);
    println!("main: dropped the JoinSet and the JoinHandle");
    sleep(Duration::from_millis(100)).await;
    println!("main: done");
}
