// multi_thread, 1 worker: main's spawns A, B, C go to the inject queue (FIFO), but the child
// that A spawns from the worker goes to the worker's LIFO slot and runs right after A's poll,
// before B and C. Order: A, A-child, B, C (current_thread would run A, B, C, A-child).
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let a = tokio::spawn(async {
        println!("A runs, spawns A-child");
        tokio::spawn(async {
            println!("A-child runs");
        })
    });
    let b = tokio::spawn(async {
        println!("B runs");
    });
    let c = tokio::spawn(async {
        println!("C runs");
    });
    let a_child = a.await.unwrap();
    b.await.unwrap();
    c.await.unwrap();
    a_child.await.unwrap();
    println!("main: all joined");
}
