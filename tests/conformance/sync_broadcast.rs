// broadcast: every receiver gets every value, in order. send() returns how many receivers
// exist; after the sender is dropped and values are drained, recv() returns Err(Closed).
use tokio::sync::broadcast;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx1) = broadcast::channel::<u32>(16);
    let mut rx2 = tx.subscribe();
    let a = tokio::spawn(async move {
        loop {
            match rx1.recv().await {
                Ok(v) => println!("rx1 got {v}"),
                Err(e) => {
                    println!("rx1: {:?}", e);
                    break;
                }
            }
        }
    });
    let b = tokio::spawn(async move {
        while let Ok(v) = rx2.recv().await {
            println!("rx2 got {v}");
        }
        println!("rx2: closed");
    });
    for v in 10..13 {
        let receivers = tx.send(v).unwrap();
        println!("sent {v} to {receivers} receivers");
    }
    drop(tx);
    a.await.unwrap();
    b.await.unwrap();
}
