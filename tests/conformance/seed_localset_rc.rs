// Seed example (runtime notes): a LocalSet runs !Send futures — here tasks sharing an
// Rc<RefCell<Vec<String>>> — on the current thread with spawn_local, which tokio::spawn refuses.
use std::cell::RefCell;
use std::rc::Rc;
use tokio::task::LocalSet;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let local = LocalSet::new();
    let log = Rc::new(RefCell::new(Vec::new()));
    for i in 0..3 {
        let log = Rc::clone(&log);
        local.spawn_local(async move {
            log.borrow_mut().push(format!("task {i} start"));
            tokio::task::yield_now().await;
            log.borrow_mut().push(format!("task {i} end"));
        });
    }
    println!("strong count before running: {}", Rc::strong_count(&log));
    local.await;
    println!("strong count after running: {}", Rc::strong_count(&log));
    for line in log.borrow().iter() {
        println!("{line}");
    }

    let local = LocalSet::new();
    let counter = Rc::new(RefCell::new(0));
    let c = counter.clone();
    let out = local
        .run_until(async move {
            let h = tokio::task::spawn_local(async move {
                *c.borrow_mut() += 41;
                "spawned local"
            });
            h.await.unwrap()
        })
        .await;
    *counter.borrow_mut() += 1;
    println!("{out}: counter = {}", counter.borrow());
}
