// OS threads from a plain `fn main`: each sleeps, then prints; a thread spawns a thread of its own.
// The output order follows when each sleep ends (2!, 3!, 1!), and main joins every thread at the end.
use std::thread::{self, sleep};
use std::time::Duration;

fn main() {
    let t1 = thread::spawn(move || {
        sleep(Duration::from_millis(1000));
        println!("1!");
    });

    let t2 = thread::spawn(move || {
        sleep(Duration::from_millis(100));
        println!("2!");
        let t3 = thread::spawn(move || {
            sleep(Duration::from_millis(200));
            println!("3!");
        });
        t3.join().unwrap();
    });
    println!("The tasks run concurrently!");
    t1.join().unwrap();
    t2.join().unwrap();
    println!("all threads joined");
}
