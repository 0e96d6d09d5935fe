// Awaiting a JoinHandle gives Ok(output of the task). A task can itself await another task's
// handle; main waits for the outer task, which waits for the inner one.
async fn square(x: u64) -> u64 {
    x * x
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let outer = tokio::spawn(async {
        println!("outer: spawning inner");
        let inner = tokio::spawn(square(7));
        let result = inner.await;
        println!("outer: inner returned {:?}", result);
        result.unwrap() + 1
    });
    println!("main: waiting for outer");
    let value = outer.await.unwrap();
    println!("main: outer returned {value}");
}
