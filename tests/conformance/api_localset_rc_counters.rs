// A LocalSet running !Send tasks that share counters through Rc<Cell<..>> and Rc<RefCell<..>>; the
// JoinHandles of spawn_local give back each task's result, and run_until returns the future's output.
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use tokio::task::{self, LocalSet};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let hits = Rc::new(Cell::new(0u32));
    let names = Rc::new(RefCell::new(Vec::new()));
    let local = LocalSet::new();
    let total = local
        .run_until(async {
            let mut handles = Vec::new();
            for (i, name) in ["ann", "bob", "cy"].into_iter().enumerate() {
                let hits = Rc::clone(&hits);
                let names = Rc::clone(&names);
                handles.push(task::spawn_local(async move {
                    for _ in 0..=i {
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        hits.set(hits.get() + 1);
                    }
                    names.borrow_mut().push(name);
                    i * 100
                }));
            }
            println!("spawned 3, hits so far {}, Rc count {}", hits.get(), Rc::strong_count(&hits));
            let mut sum = 0;
            for h in handles {
                sum += h.await.unwrap();
            }
            sum
        })
        .await;
    println!("total {total}, hits {}, finished in order {:?}", hits.get(), names.borrow());
    println!("Rc counts after: {} {}", Rc::strong_count(&hits), Rc::strong_count(&names));
}
