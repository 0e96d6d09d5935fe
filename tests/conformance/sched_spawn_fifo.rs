// current_thread runs spawned tasks in spawn order (a FIFO local queue), whatever order main
// later awaits their JoinHandles in; each task's output value comes back through its handle.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut handles = Vec::new();
    for i in 0..5 {
        handles.push(tokio::spawn(async move {
            println!("task {i} runs");
            i * 10
        }));
    }
    println!("main: spawned {} tasks", handles.len());
    while let Some(handle) = handles.pop() {
        let value = handle.await.unwrap();
        println!("main: joined a task that returned {value}");
    }
    println!("main: done");
}
