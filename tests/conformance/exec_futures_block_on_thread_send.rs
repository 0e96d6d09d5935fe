// futures::executor::block_on waiting on a tokio oneshot that a std thread completes: the receiver
// stores block_on's waker, the thread's send wakes it, which unparks the main thread. No tokio
// runtime is involved: a oneshot needs none.
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = tokio::sync::oneshot::channel::<&'static str>();
    let worker = thread::spawn(move || {
        thread::sleep(Duration::from_millis(30));
        println!("worker: sending");
        tx.send("hello from a std thread").unwrap();
    });
    println!("main: blocking on the receiver");
    let msg = futures::executor::block_on(async {
        let m = rx.await.unwrap();
        println!("async block: got it");
        m
    });
    println!("main: {msg}");
    worker.join().unwrap();
}
