// Lesson program (src/lessons/programs/two-schedulers.rs): current_thread vs multi_thread; two blocking tasks on one thread.
// The same program on both of tokio's schedulers. Each task blocks its thread for 100 ms
// (std::thread::sleep stands in for heavy work). current_thread has one thread, so the tasks take
// turns on it; switch to multi_thread and two worker threads run them side by side.
use std::time::{Duration, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let start = Instant::now();
    println!("main: runs on thread {}", std::thread::current().name().unwrap());
    let a = tokio::spawn(async {
        std::thread::sleep(Duration::from_millis(100));
        std::thread::current().name().unwrap().to_string()
    });
    let b = tokio::spawn(async {
        std::thread::sleep(Duration::from_millis(100));
        std::thread::current().name().unwrap().to_string()
    });
    println!("a ran on thread {}", a.await.unwrap());
    println!("b ran on thread {}", b.await.unwrap());
    println!("200 ms or more passed: {}", start.elapsed() >= Duration::from_millis(200));
}
