// Tokio tutorial (select): resuming an async operation across loop iterations. The operation is
// pinned once, guarded by `if !done`, and replaced with `operation.set(action(Some(v)))`.
use std::time::Duration;

async fn action(input: Option<i32>) -> Option<String> {
    // If the input is `None`, return `None`.
    // This could also be written as `let i = input?;`
    let i = match input {
        Some(input) => input,
        None => return None,
    };
    tokio::time::sleep(Duration::from_millis(50)).await;
    Some(format!("doubled {} into {}", i, i * 2))
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel(128);

    let mut done = false;
    let operation = action(None);
    tokio::pin!(operation);

    tokio::spawn(async move {
        for v in [1, 3, 2, 5, 4] {
            let _ = tx.send(v).await;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });

    loop {
        tokio::select! {
            res = &mut operation, if !done => {
                done = true;
                if let Some(v) = res {
                    println!("GOT = {}", v);
                    return;
                }
                println!("operation finished with None");
            }
            Some(v) = rx.recv() => {
                println!("received {v}");
                if v % 2 == 0 {
                    // `.set` is a method on `Pin`.
                    operation.set(action(Some(v)));
                    done = false;
                    println!("  restarted the operation with {v}");
                }
            }
        }
    }
}
