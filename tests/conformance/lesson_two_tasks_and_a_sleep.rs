// The default lesson (src/lessons/programs/two-tasks-and-a-sleep.rs): spawned tasks run when main
// first returns Pending; the sleeping task's waker waits in the timer until 100 ms have passed.
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let slow = tokio::spawn(async {
        println!("slow: started, now sleeping for 100 ms");
        tokio::time::sleep(Duration::from_millis(100)).await;
        println!("slow: woke up");
    });
    let fast = tokio::spawn(async {
        println!("fast: hello");
    });
    println!("main: spawned both tasks");
    slow.await.unwrap();
    fast.await.unwrap();
    println!("main: all done");
}
