// Awaiting a LocalSet itself runs it until every task spawned on it has finished; tasks spawned
// before the await start only then, and a task may spawn_local more tasks onto the same set.
use std::rc::Rc;
use tokio::task::LocalSet;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let local = LocalSet::new();
    let name = Rc::new(String::from("shared-name"));
    for id in 1..=2 {
        let name = name.clone();
        local.spawn_local(async move {
            println!("task {id}: sees {name}");
            tokio::task::spawn_local(async move {
                println!("child of task {id} runs");
            });
            tokio::task::yield_now().await;
            println!("task {id}: done");
        });
    }
    println!("main: spawned on the LocalSet, nothing ran yet");
    local.await;
    println!("main: LocalSet finished, Rc count {}", Rc::strong_count(&name));
}
