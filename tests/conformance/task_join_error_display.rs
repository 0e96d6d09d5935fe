// JoinError's Display names the task id: "task N was cancelled" / "task N panicked". Task ids
// count up from 1 in spawn order (process-wide), so these lines are deterministic.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let first = tokio::spawn(async {
        println!("task one runs");
    });
    let second = tokio::spawn(async {
        println!("task two never runs");
    });
    let third = tokio::spawn(async {
        panic!("task three fails");
    });
    second.abort();
    first.await.unwrap();
    println!("{}", second.await.unwrap_err());
    println!("{}", third.await.unwrap_err());
}
