// A panic inside a spawned task is caught by tokio: the JoinHandle yields Err(e) with
// e.is_panic(), other tasks keep running and the process exits 0 (the panic message goes to stderr).
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let bad = tokio::spawn(async {
        println!("bad: about to panic");
        panic!("boom");
    });
    let good = tokio::spawn(async {
        println!("good: still runs");
        7
    });
    match bad.await {
        Ok(()) => println!("bad: finished?"),
        Err(e) => println!("bad: is_panic={} is_cancelled={}", e.is_panic(), e.is_cancelled()),
    }
    println!("good: returned {}", good.await.unwrap());
    println!("main: exits normally");
}
