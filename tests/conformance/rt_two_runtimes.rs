// Two runtimes in one program: a current_thread runtime runs a producer on a std thread while main
// blocks on a second runtime that consumes. tokio's channels work across runtimes.
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::sync::mpsc;

fn main() {
    let (tx, mut rx) = mpsc::channel::<u32>(2);
    let producer = std::thread::spawn(move || {
        let rt = Builder::new_current_thread().enable_time().build().unwrap();
        rt.block_on(async move {
            for i in 1..=3 {
                tokio::time::sleep(Duration::from_millis(30)).await;
                tx.send(i).await.unwrap();
            }
            "producer runtime finished"
        })
    });
    let consumer = Builder::new_current_thread().enable_all().build().unwrap();
    let sum = consumer.block_on(async move {
        let mut sum = 0;
        while let Some(v) = rx.recv().await {
            println!("consumer runtime: got {v}");
            sum += v;
        }
        sum
    });
    println!("sum = {sum}");
    println!("{}", producer.join().unwrap());
}
