// A LocalSet driven from a plain `fn main`: `local.block_on(&rt, ..)` runs the future and every
// spawn_local task on this thread; a counter in Rc<RefCell<..>> is shared without any Mutex.
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use tokio::runtime::Builder;
use tokio::task::LocalSet;

fn main() {
    let rt = Builder::new_current_thread().enable_all().start_paused(true).build().unwrap();
    let local = LocalSet::new();
    let counter = Rc::new(RefCell::new(0));
    let c = counter.clone();
    local.block_on(&rt, async move {
        let mut handles = Vec::new();
        for id in 1..=3u64 {
            let c = c.clone();
            handles.push(tokio::task::spawn_local(async move {
                tokio::time::sleep(Duration::from_millis(10 * (4 - id))).await;
                *c.borrow_mut() += id;
                println!("task {id}: counter is now {}", c.borrow());
            }));
        }
        for h in handles {
            h.await.unwrap();
        }
    });
    println!("main: final counter {}", counter.borrow());
}
