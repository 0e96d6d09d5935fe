// Lesson program (src/lessons/programs/work-stealing.rs): a task on a worker spawns eight children into
// its LIFO slot and local queue; idle workers steal. Output is fixed by the children's sleeps (50 ms apart).
use std::time::Duration;

// Four workers. One task, running on a worker, spawns eight children: each lands in that worker's
// LIFO slot and pushes the previous one into its local run queue. Idle workers wake up, search, and
// steal half of that queue. The children sleep at different times, so they report in a fixed order.
#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    let parent = tokio::spawn(async {
        let mut children = Vec::new();
        for i in 0..8u64 {
            children.push(tokio::spawn(async move {
                let mut sum = 0u64;
                for k in 0..2000u64 {
                    sum += k % (i + 2);
                }
                tokio::time::sleep(Duration::from_millis(50 * (i + 1))).await;
                println!("child {} done: {}", i, sum);
                sum
            }));
        }
        let mut total = 0u64;
        for child in children {
            total += child.await.unwrap();
        }
        total
    });
    println!("total = {}", parent.await.unwrap());
}
