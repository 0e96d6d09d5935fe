// futures::select! as the futures docs show it: two async fns fused with `.fuse()`, pinned with
// `pin_mut!(t1, t2)`, raced; the first to finish runs its handler. The loser is polled in place (by
// `&mut`), not dropped, so it can be awaited afterwards and still completes.
use futures::future::{FusedFuture, FutureExt};
use futures::{pin_mut, select};
use std::time::Duration;

async fn task_one() -> u32 {
    tokio::time::sleep(Duration::from_millis(50)).await;
    println!("task one done");
    1
}

async fn task_two() -> u32 {
    tokio::time::sleep(Duration::from_millis(10)).await;
    println!("task two done");
    2
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let t1 = task_one().fuse();
    let t2 = task_two().fuse();
    pin_mut!(t1, t2);
    select! {
        a = t1 => println!("task one finished first with {}", a),
        b = t2 => println!("task two finished first with {}", b),
    }
    println!("t2 terminated: {}", t2.is_terminated());
    println!("t1 terminated: {}", t1.is_terminated());
    let rest = t1.await;
    println!("awaited the loser afterwards: {}", rest);
}
