// std::sync::mpsc with several producer threads: each clones the Sender, sends after its own delay,
// and the receiver's `for` loop ends once every Sender (including main's, dropped early) is gone.
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let (tx, rx) = mpsc::channel::<String>();
    let mut handles = Vec::new();
    for id in 1..=3u64 {
        let tx = tx.clone();
        handles.push(thread::spawn(move || {
            for round in 0..2u64 {
                thread::sleep(Duration::from_millis(100 * id + 300 * round));
                tx.send(format!("worker {id}, round {round}")).unwrap();
            }
            id * 10
        }));
    }
    drop(tx);
    for msg in rx {
        println!("got: {msg}");
    }
    println!("channel closed: every sender dropped");
    for h in handles {
        println!("joined worker returning {}", h.join().unwrap());
    }
}
