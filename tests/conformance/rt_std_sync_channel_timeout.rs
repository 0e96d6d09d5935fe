// std::sync::mpsc::sync_channel(1) blocks a sender when the buffer is full, and recv_timeout returns
// Err(Timeout) when nothing arrives in time and Err(Disconnected) once the sender is gone.
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<u32>(1);
    let producer = thread::spawn(move || {
        for i in 1..=3 {
            tx.send(i).unwrap();
            println!("producer: sent {i}");
        }
        thread::sleep(Duration::from_millis(300));
        println!("producer: exiting");
    });
    thread::sleep(Duration::from_millis(100));
    for _ in 0..3 {
        let v = rx.recv().unwrap();
        thread::sleep(Duration::from_millis(50));
        println!("consumer: received {v}");
    }
    match rx.recv_timeout(Duration::from_millis(100)) {
        Ok(v) => println!("unexpected value {v}"),
        Err(RecvTimeoutError::Timeout) => println!("recv_timeout: Timeout"),
        Err(RecvTimeoutError::Disconnected) => println!("recv_timeout: Disconnected"),
    }
    let err = rx.recv_timeout(Duration::from_secs(2)).unwrap_err();
    println!("then: {err:?} / {err}");
    producer.join().unwrap();
}
