// A current_thread runtime runs its tasks only while some thread is inside `block_on`. A task spawned
// between two `block_on` calls waits; the second `block_on` runs it. Sleeping tasks keep their timers
// (the early task's 300 ms timer fires during the second block_on).
use std::time::Duration;
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let early = rt.spawn(async {
        println!("early task: started");
        tokio::time::sleep(Duration::from_millis(300)).await;
        println!("early task: woke up");
        1
    });
    rt.block_on(async {
        println!("first block_on: sleeping 10ms");
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("first block_on: done");
    });
    let late = rt.spawn(async {
        println!("late task: running");
        2
    });
    println!("between the two block_on calls: nothing runs");
    std::thread::sleep(Duration::from_millis(100));
    let sum = rt.block_on(async {
        println!("second block_on: awaiting both");
        early.await.unwrap() + late.await.unwrap()
    });
    println!("sum = {sum}");
}
