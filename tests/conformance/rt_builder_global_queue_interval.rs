// `global_queue_interval(3)` on a one-worker multi_thread runtime: the worker prefers its local queue
// but checks the global (inject) queue every 3rd scheduling tick, so tasks spawned from outside the
// runtime (here: from a std thread) are interleaved with the worker's own spawns.
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_multi_thread()
        .worker_threads(1)
        .global_queue_interval(3)
        .enable_all()
        .build()
        .unwrap();
    let handle = rt.handle().clone();
    let done = rt.block_on(async move {
        let parent = tokio::spawn(async move {
            let outside = std::thread::spawn(move || {
                let mut globals = Vec::new();
                for i in 1..=4 {
                    globals.push(handle.spawn(async move { println!("global {i}") }));
                }
                globals
            });
            let mut all = outside.join().unwrap();
            for i in 1..=6 {
                all.push(tokio::spawn(async move { println!("local {i}") }));
            }
            println!("parent: spawned 4 from outside and 6 locally");
            all
        });
        let all = parent.await.unwrap();
        for task in all {
            task.await.unwrap();
        }
        "all ten tasks joined"
    });
    println!("{done}");
}
