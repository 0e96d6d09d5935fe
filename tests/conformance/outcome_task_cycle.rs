// Two tasks each wait for a message the other only sends after receiving: a cycle. Both stay
// parked forever and main, awaiting them, hangs.
use tokio::sync::oneshot;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (to_a, from_b) = oneshot::channel::<u32>();
    let (to_b, from_a) = oneshot::channel::<u32>();
    let a = tokio::spawn(async move {
        println!("A: waiting for B");
        let v = from_b.await.unwrap();
        to_b.send(v + 1).unwrap();
    });
    let b = tokio::spawn(async move {
        println!("B: waiting for A");
        let v = from_a.await.unwrap();
        to_a.send(v + 1).unwrap();
    });
    a.await.unwrap();
    b.await.unwrap();
    println!("never printed");
}
