// multi_thread, 2 workers: JoinHandle results on multi_thread. A value comes back as Ok, an
// aborted sleeping task yields Err with is_cancelled(), a panicking task yields Err with is_panic()
// and the runtime keeps going; abort() on a finished task changes nothing. Only main prints.
use std::time::Duration;
use tokio::time::sleep;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let good = tokio::spawn(async { 7 });
    let sleeper = tokio::spawn(async {
        sleep(Duration::from_secs(10)).await;
        println!("sleeper: never printed");
        0
    });
    let bad = tokio::spawn(async {
        if true {
            panic!("boom");
        }
        1
    });
    sleep(Duration::from_millis(50)).await;
    println!("main: good finished: {}", good.is_finished());
    println!("main: sleeper finished: {}", sleeper.is_finished());
    sleeper.abort();
    good.abort();
    println!("main: good returned {}", good.await.unwrap());
    match sleeper.await {
        Ok(v) => println!("main: sleeper returned {v}?"),
        Err(e) => println!("main: sleeper is_cancelled={} is_panic={}", e.is_cancelled(), e.is_panic()),
    }
    match bad.await {
        Ok(v) => println!("main: bad returned {v}?"),
        Err(e) => println!("main: bad is_cancelled={} is_panic={}", e.is_cancelled(), e.is_panic()),
    }
    let after = tokio::spawn(async { 8 });
    println!("main: a task spawned after the panic returned {}", after.await.unwrap());
}
