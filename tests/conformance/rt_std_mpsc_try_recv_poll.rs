// Polling a std channel without blocking: `try_recv` is Err(Empty) while the sender is alive and the
// buffer is empty, Err(Disconnected) once it is gone. `try_iter` drains what is there right now.
use std::sync::mpsc::{self, TryRecvError};
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let producer = thread::spawn(move || {
        for i in 1..=3 {
            thread::sleep(Duration::from_millis(40));
            tx.send(i * 100).unwrap();
        }
        thread::sleep(Duration::from_millis(40));
    });
    let mut empty_polls = 0;
    loop {
        match rx.try_recv() {
            Ok(v) => println!("got {v}"),
            Err(TryRecvError::Empty) => {
                empty_polls += 1;
                thread::sleep(Duration::from_millis(25));
            }
            Err(TryRecvError::Disconnected) => {
                println!("disconnected");
                break;
            }
        }
    }
    println!("polled an empty channel {} times", if empty_polls > 3 { "several" } else { "few" });
    let e = rx.try_recv().unwrap_err();
    println!("{e:?} / {e}");
    producer.join().unwrap();

    let (tx2, rx2) = mpsc::channel();
    for i in 0..4 {
        tx2.send(i).unwrap();
    }
    let now: Vec<i32> = rx2.try_iter().collect();
    println!("try_iter: {now:?}");
    println!("then: {:?}", rx2.try_recv());
}
