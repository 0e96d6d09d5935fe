// `LocalSet::run_until` lets `spawn_local` run !Send futures (an Rc<RefCell<..>> shared by tasks)
// on the current thread; the tasks interleave at their awaits, in spawn order.
use std::cell::RefCell;
use std::rc::Rc;
use tokio::task::{self, LocalSet};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let local = LocalSet::new();
    local
        .run_until(async {
            let mut handles = Vec::new();
            for id in 1..=3 {
                let log = log.clone();
                handles.push(task::spawn_local(async move {
                    log.borrow_mut().push(format!("task {id} step 1"));
                    task::yield_now().await;
                    log.borrow_mut().push(format!("task {id} step 2"));
                    id * 10
                }));
            }
            for h in handles {
                println!("joined {}", h.await.unwrap());
            }
        })
        .await;
    for line in log.borrow().iter() {
        println!("{line}");
    }
    println!("Rc strong count at the end: {}", Rc::strong_count(&log));
}
