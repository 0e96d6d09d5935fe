// A multi_thread runtime built by hand with two workers named by `thread_name`; block_on runs on the
// main thread, spawned tasks on the named workers. Results come back through JoinHandles in order.
use tokio::runtime::Builder;

fn main() {
    let rt = Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("pollscope-worker")
        .enable_all()
        .build()
        .unwrap();
    let names = rt.block_on(async {
        println!("block_on runs on {:?}", std::thread::current().name());
        let mut handles = Vec::new();
        for i in 0..4 {
            handles.push(tokio::spawn(async move {
                let name = std::thread::current().name().unwrap().to_string();
                format!("task {i} ran on {name}")
            }));
        }
        let mut out = Vec::new();
        for h in handles {
            out.push(h.await.unwrap());
        }
        out
    });
    for line in names {
        println!("{line}");
    }
    let blocking = rt.block_on(rt.spawn_blocking(|| std::thread::current().name().unwrap().to_string()));
    println!("spawn_blocking ran on {}", blocking.unwrap());
}
