// A plain OS thread started with std::thread::spawn runs independently of tokio; join() blocks
// the calling (runtime) thread until it finishes and returns the thread's result.
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let pending = tokio::spawn(async {
        println!("async task: runs only after main's join returns and main awaits");
    });
    let handle = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(50));
        println!("os thread: computed the answer");
        6 * 7
    });
    let answer = handle.join().unwrap();
    println!("main: joined os thread, answer {answer}");
    pending.await.unwrap();
}
