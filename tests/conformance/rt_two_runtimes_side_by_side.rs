// Two runtimes in one plain `fn main`: a current_thread runtime and a multi_thread runtime with two
// workers. Each runs its own tasks with `block_on`; a task spawned on the multi_thread runtime is then
// awaited from the current_thread one (a JoinHandle works across runtimes).
use std::time::Duration;
use tokio::runtime::Builder;

fn main() {
    let small = Builder::new_current_thread().enable_all().build().unwrap();
    let big = Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();

    let a = small.block_on(async {
        let h = tokio::spawn(async {
            tokio::time::sleep(Duration::from_millis(5)).await;
            20
        });
        h.await.unwrap() + 1
    });
    println!("current_thread runtime computed {a}");

    let b = big.block_on(async {
        let mut handles = Vec::new();
        for i in 0..4u32 {
            handles.push(tokio::spawn(async move { i * 10 }));
        }
        let mut sum = 0;
        for h in handles {
            sum += h.await.unwrap();
        }
        sum
    });
    println!("multi_thread runtime computed {b}");

    let h = big.spawn(async {
        tokio::time::sleep(Duration::from_millis(10)).await;
        "spawned on the multi_thread runtime"
    });
    let text = small.block_on(async { h.await.unwrap() });
    println!("awaited from the current_thread runtime: {text}");
}
