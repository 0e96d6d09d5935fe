// The reference example: spawn A, spawn B, print "main", await both.
// On current_thread, spawned tasks only run once main yields at its first .await: prints main, A, B.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let a = tokio::spawn(async {
        println!("A");
    });
    let b = tokio::spawn(async {
        println!("B");
    });
    println!("main");
    a.await.unwrap();
    b.await.unwrap();
}
