// What #[tokio::main(flavor = "current_thread")] expands to, written by hand: a Builder makes a
// current_thread runtime and `block_on` runs main's future; spawned tasks run when main awaits.
use std::time::Duration;
use tokio::runtime::Builder;

async fn hello(name: &str) -> usize {
    println!("hello from {name}");
    name.len()
}

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    println!("runtime built, nothing runs yet");
    let total = rt.block_on(async {
        let task = tokio::spawn(async {
            tokio::time::sleep(Duration::from_millis(20)).await;
            hello("spawned task").await
        });
        let a = hello("block_on future").await;
        let b = task.await.unwrap();
        a + b
    });
    println!("block_on returned {total}");
}
