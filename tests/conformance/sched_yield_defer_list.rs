// yield_now does not re-queue the task at once: it goes on the defer list, which is only drained
// when the run queue is empty. So a task spawned AFTER the yield (D) still runs before A and B resume.
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = tokio::spawn(async {
        println!("A: before yield");
        yield_now().await;
        println!("A: after yield");
    });
    let b = tokio::spawn(async {
        println!("B: before yield, spawning D");
        let d = tokio::spawn(async {
            println!("D: runs");
        });
        yield_now().await;
        println!("B: after yield");
        d.await.unwrap();
    });
    let c = tokio::spawn(async {
        println!("C: runs");
    });
    a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
    println!("main: done");
}
