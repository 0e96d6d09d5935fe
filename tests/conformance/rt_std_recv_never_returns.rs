// A std `recv()` that nothing can ever satisfy: main keeps its own Sender alive, so the channel never
// disconnects, and the only other sender's thread already finished. The program hangs forever.
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let tx2 = tx.clone();
    thread::spawn(move || {
        tx2.send(1).unwrap();
    })
    .join()
    .unwrap();
    println!("first: {}", rx.recv().unwrap());
    println!("waiting for a second value...");
    let second = rx.recv().unwrap();
    println!("never printed: {second} {tx:?}");
}
