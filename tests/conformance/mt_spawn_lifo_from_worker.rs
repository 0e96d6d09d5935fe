// multi_thread, 1 worker: a task spawned from a task running on the worker goes into that worker's
// LIFO slot, pushing the previous occupant to the back of the local queue. So after the parent's
// poll the last one spawned runs first: T3, then T1, T2 (current_thread runs T1, T2, T3).
#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let parent = tokio::spawn(async {
        let t1 = tokio::spawn(async {
            println!("T1 runs");
            1
        });
        let t2 = tokio::spawn(async {
            println!("T2 runs");
            2
        });
        let t3 = tokio::spawn(async {
            println!("T3 runs");
            3
        });
        println!("parent: spawned T1, T2, T3");
        let a = t1.await.unwrap();
        println!("parent: joined T1");
        let b = t2.await.unwrap();
        println!("parent: joined T2");
        let c = t3.await.unwrap();
        println!("parent: joined T3, sum {}", a + b + c);
    });
    parent.await.unwrap();
    println!("main: done");
}
