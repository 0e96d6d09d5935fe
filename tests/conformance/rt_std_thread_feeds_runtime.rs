// A std thread feeds a tokio channel with `blocking_send` while main drives a current_thread runtime
// that consumes it; the channel ends when the thread drops its sender.
use std::thread;
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::sync::mpsc;

fn main() {
    let (tx, mut rx) = mpsc::channel::<String>(1);
    let feeder = thread::spawn(move || {
        for line in ["alpha", "beta", "gamma"] {
            thread::sleep(Duration::from_millis(20));
            tx.blocking_send(line.to_uppercase()).unwrap();
        }
        "feeder done"
    });
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let count = rt.block_on(async move {
        let mut n = 0;
        while let Some(line) = rx.recv().await {
            println!("runtime got {line}");
            n += 1;
        }
        n
    });
    println!("{count} lines; {}", feeder.join().unwrap());
}
