// Bridging sync and async with tokio's mpsc: a std thread uses `blocking_send`, async code receives;
// and in the other direction an async task sends while a std thread waits with `blocking_recv`.
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::sync::mpsc;

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    let (to_async, mut from_thread) = mpsc::channel::<u32>(1);
    let (to_thread, mut from_async) = mpsc::channel::<String>(4);

    let producer = std::thread::spawn(move || {
        for i in 1..=3 {
            to_async.blocking_send(i).unwrap();
        }
        println!("producer thread: all sent");
    });
    let consumer = std::thread::spawn(move || {
        let mut got = Vec::new();
        while let Some(s) = from_async.blocking_recv() {
            got.push(s);
        }
        got
    });

    rt.block_on(async move {
        let mut sum = 0;
        while let Some(v) = from_thread.recv().await {
            sum += v;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        println!("async side: sum {sum}");
        for word in ["a", "b", "c"] {
            to_thread.send(word.to_string()).await.unwrap();
        }
    });
    producer.join().unwrap();
    println!("consumer thread got {:?}", consumer.join().unwrap());
}
