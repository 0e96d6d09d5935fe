// Seed example (async notes, threads), verbatim: three OS threads sleep 2000, 1000 and 1000+500 ms;
// main prints first, then "2!", "3!", "1!" in order of wake-up, and joins them.
use std::thread::{self, sleep};

#[allow(dead_code)]
#[allow(unused_variables)]
fn main() {
    let t1 = thread::spawn(move || {
        sleep(std::time::Duration::from_millis(2000));
        println!("1!");
    });

    let t2 = thread::spawn(move || {
        sleep(std::time::Duration::from_millis(1000));
        println!("2!");
        let t3 = thread::spawn(move || {
            sleep(std::time::Duration::from_millis(500));
            println!("3!");
        });
        t3.join().unwrap();
    });
    println!("The tasks run concurrently!");
    t1.join().unwrap();
    t2.join().unwrap();
}
