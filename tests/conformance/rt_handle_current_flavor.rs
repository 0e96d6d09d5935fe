// `Handle::current()` inside a runtime says which flavor it is; outside every runtime
// `Handle::try_current()` is an error. A handle spawns onto its runtime from anywhere.
use tokio::runtime::{Builder, Handle, RuntimeFlavor};

fn main() {
    match Handle::try_current() {
        Ok(_) => println!("outside: a runtime?"),
        Err(e) => println!("outside: {e}"),
    }
    let ct = Builder::new_current_thread().build().unwrap();
    let mt = Builder::new_multi_thread().worker_threads(2).build().unwrap();
    let f1 = ct.block_on(async { Handle::current().runtime_flavor() });
    let f2 = mt.block_on(async { Handle::current().runtime_flavor() });
    println!("{f1:?} {f2:?} {}", f1 == RuntimeFlavor::CurrentThread);
    let h = mt.handle().clone();
    let answer = ct.block_on(async move {
        let on_mt = h.spawn(async { Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread });
        on_mt.await.unwrap()
    });
    println!("a task spawned through the handle ran on the multi_thread runtime: {answer}");
}
