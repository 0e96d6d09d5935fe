// A task spawned from inside another task goes to the back of the local run queue, so it runs
// after tasks that were already queued: order A, B, C, then A's child, then B's child.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = tokio::spawn(async {
        println!("A runs, spawns A-child");
        tokio::spawn(async {
            println!("A-child runs");
        })
    });
    let b = tokio::spawn(async {
        println!("B runs, spawns B-child");
        tokio::spawn(async {
            println!("B-child runs");
        })
    });
    let c = tokio::spawn(async {
        println!("C runs");
    });
    let a_child = a.await.unwrap();
    let b_child = b.await.unwrap();
    c.await.unwrap();
    a_child.await.unwrap();
    b_child.await.unwrap();
    println!("main: all joined");
}
