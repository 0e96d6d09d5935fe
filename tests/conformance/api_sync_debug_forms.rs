// How the sync types print with {:?} and {:#?}: what a learner sees when they debug-print a lock,
// a cell, an abort handle or an error while finding out what their program does.
use std::sync::Arc;
use tokio::sync::{mpsc, Barrier, OnceCell, RwLock, Semaphore};
use tokio::task::JoinSet;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let lock = Arc::new(RwLock::new(vec![1, 2]));
    println!("{:?}", lock);
    println!("{:#?}", lock);
    {
        let _w = lock.write().await;
        println!("write-locked: {:?}", lock);
    }
    let r = lock.read().await;
    println!("read guard: {:?} / {:#?}", r, r);
    println!("read-locked: {:?}", lock);
    drop(r);
    let e = {
        let _w = lock.write().await;
        lock.try_read().unwrap_err()
    };
    println!("{e} / {e:?} / {e:#?}");

    let cell: OnceCell<(u8, &str)> = OnceCell::new();
    cell.set((1, "one")).unwrap();
    println!("{:?}", cell);
    println!("{:#?}", cell);

    let mut set = JoinSet::new();
    let h = set.spawn(async { 1 });
    println!("{:?}", h);
    println!("{:?}", set);
    while set.join_next().await.is_some() {}

    let b = Barrier::new(1);
    println!("{:?}", b.wait().await);

    let (tx, rx) = mpsc::channel::<(u8, u8)>(1);
    tx.try_send((1, 2)).unwrap();
    let full = tx.try_send((3, 4)).unwrap_err();
    println!("{full:?} / {full:#?}");
    drop(rx);
    let closed = tx.send((5, 6)).await.unwrap_err();
    println!("{closed:?} / {closed:#?}");

    let sem = Semaphore::new(2);
    let p = sem.try_acquire().unwrap();
    println!("{:?} / {:?}", sem, p);
}
