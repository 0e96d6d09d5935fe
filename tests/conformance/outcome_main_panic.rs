// A panic in main (the block_on future) is not caught: the process exits with status 101 after
// printing the panic message to stderr. Output printed before the panic is kept.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let handle = tokio::spawn(async {
        println!("task: ran before main panicked");
        1
    });
    let v = handle.await.unwrap();
    println!("main: got {v}, now panicking");
    if v == 1 {
        panic!("main gives up");
    }
    println!("never printed");
}
