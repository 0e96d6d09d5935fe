// Language: `()` is an ordinary value. `Ok(())` patterns in match and if let, `Some(())` from a channel
// of (), tasks returning (), `let () = ..`, `{:?}` of () and Ok(()), and Vec<()> / Result<Vec<()>, _>.
use tokio::sync::{mpsc, oneshot};

async fn do_work(fail: bool) -> Result<(), String> {
    tokio::task::yield_now().await;
    if fail {
        Err("it failed".to_string())
    } else {
        Ok(())
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for fail in [false, true] {
        let r = do_work(fail).await;
        println!("{:?} (is_ok = {})", r, r.is_ok());
        match r {
            Ok(()) => println!("match: Ok(()) arm"),
            Err(e) => println!("match: Err arm with {e:?}"),
        }
        if let Ok(()) = do_work(fail).await {
            println!("if let Ok(()): matched");
        } else {
            println!("if let Ok(()): else branch");
        }
    }

    let (tx, mut rx) = mpsc::channel::<()>(4);
    tokio::spawn(async move {
        for _ in 0..3 {
            tx.send(()).await.unwrap();
        }
    });
    let mut count = 0;
    while let Some(()) = rx.recv().await {
        count += 1;
    }
    println!("received {count} units");

    let (done_tx, done_rx) = oneshot::channel();
    let worker = tokio::spawn(async move {
        done_tx.send(()).unwrap();
    });
    match done_rx.await {
        Ok(()) => println!("oneshot delivered ()"),
        Err(_) => println!("oneshot sender dropped"),
    }
    match worker.await {
        Ok(()) => println!("task returned ()"),
        Err(e) => println!("join error: {e}"),
    }

    let u = ();
    let () = u;
    assert_eq!(u, ());
    println!("{:?} == {:?}: {}", (), u, () == u);
    let units: Vec<()> = vec![(); 3];
    println!("{:?} has len {}", units, units.len());
    let all: Result<Vec<()>, String> = vec![Ok(()), Ok(())].into_iter().collect();
    println!("{:?}", all);
    let first_err: Result<Vec<()>, String> = vec![Ok(()), Err("second".to_string()), Err("third".to_string())].into_iter().collect();
    println!("{:?}", first_err);
    match (Ok::<(), ()>(()), Some(())) {
        (Ok(()), Some(())) => println!("tuple of units matched"),
        _ => println!("tuple of units did not match"),
    }
    let nothing = println!("println! returns ()");
    println!("{:?}", nothing);
}
