// `sync_channel(0)` has no buffer: every `send` waits until the receiver takes the value, so the two
// threads meet at each message (a rendezvous).
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<&str>(0);
    let sender = thread::spawn(move || {
        for word in ["ping", "pong", "done"] {
            println!("sender: offering {word}");
            tx.send(word).unwrap();
            println!("sender: {word} was taken");
        }
    });
    for _ in 0..3 {
        thread::sleep(Duration::from_millis(50));
        let w = rx.recv().unwrap();
        println!("receiver: took {w}");
        thread::sleep(Duration::from_millis(20));
    }
    sender.join().unwrap();
    println!("after the sender is gone: {:?}", rx.recv());
}
