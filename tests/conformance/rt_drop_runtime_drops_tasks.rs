// Dropping a runtime drops every task still waiting: the futures are destroyed, so values they own
// run their `Drop`. Tasks never resume and print nothing after the drop.
use std::time::Duration;
use tokio::runtime::Builder;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop: {}", self.0);
    }
}

fn main() {
    let rt = Builder::new_current_thread().enable_all().build().unwrap();
    for name in ["first", "second", "third"] {
        rt.spawn(async move {
            let guard = Noisy(name);
            println!("{} task: waiting for an hour", guard.0);
            tokio::time::sleep(Duration::from_secs(3600)).await;
            println!("{} task: never printed", guard.0);
        });
    }
    rt.block_on(async {
        tokio::time::sleep(Duration::from_millis(10)).await;
        println!("block_on: done, three tasks are still sleeping");
    });
    println!("main: dropping the runtime");
    drop(rt);
    println!("main: runtime gone");
}
