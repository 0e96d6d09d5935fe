// Tokio tutorial (spawning): a task's return value comes back through its JoinHandle; a task must
// own what it uses (`async move` takes the Vec); an Rc dropped before .await keeps the task Send.
use std::rc::Rc;
use tokio::task;
use tokio::task::yield_now;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handle = tokio::spawn(async {
        // Do some async work
        "return value"
    });
    // Do some other work
    let out = handle.await.unwrap();
    println!("GOT {}", out);

    let v = vec![1, 2, 3];
    let t = task::spawn(async move {
        println!("Here's a vec: {:?}", v);
        v.len()
    });
    println!("the task owned a vec of {} items", t.await.unwrap());

    let rc_task = tokio::spawn(async {
        // The scope forces `rc` to drop before `.await`.
        {
            let rc = Rc::new("hello");
            println!("{}", rc);
        }
        // `rc` is no longer used. It is **not** persisted when the task yields.
        yield_now().await;
        "rc task done"
    });
    println!("{}", rc_task.await.unwrap());

    let handles: Vec<_> = (1..=3).map(|i| tokio::spawn(async move { i * i })).collect();
    let mut squares = Vec::new();
    for h in handles {
        squares.push(h.await.unwrap());
    }
    println!("squares: {:?}", squares);
}
