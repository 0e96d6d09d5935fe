// Calling an async fn only builds a future: its body runs when something polls it. Here main
// polls `greet("ferris")` by awaiting it; the second future is dropped without ever being polled.
async fn greet(name: &str) -> usize {
    println!("greet({}) runs", name);
    name.len()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let future = greet("ferris");
    println!("main: the future exists, but greet has not run");
    let n = future.await;
    println!("main: awaited it, greet returned {}", n);
    let never = greet("nobody");
    drop(never);
    println!("main: dropped a future without awaiting it: greet(nobody) never ran");
}
