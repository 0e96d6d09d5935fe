// Tokio tutorial (channels): the actor pattern. Each Command carries a oneshot Responder; the manager
// task owns a HashMap and answers; callers print the nested Result they get back.
use std::collections::HashMap;
use tokio::sync::{mpsc, oneshot};

/// Provided by the requester and used by the manager task to send the command response back.
type Responder<T> = oneshot::Sender<Result<T, String>>;

/// Multiple different commands are multiplexed over a single channel.
#[derive(Debug)]
enum Command {
    Get { key: String, resp: Responder<Option<String>> },
    Set { key: String, val: String, resp: Responder<()> },
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel(32);
    let tx2 = tx.clone();
    let tx3 = tx.clone();

    let manager = tokio::spawn(async move {
        let mut db = HashMap::new();
        while let Some(cmd) = rx.recv().await {
            match cmd {
                Command::Get { key, resp } => {
                    let res = db.get(&key).cloned();
                    // Ignore errors
                    let _ = resp.send(Ok(res));
                }
                Command::Set { key, val, resp } => {
                    if key.is_empty() {
                        let _ = resp.send(Err("empty key".to_string()));
                    } else {
                        db.insert(key, val);
                        let _ = resp.send(Ok(()));
                    }
                }
            }
        }
        db.len()
    });

    let t1 = tokio::spawn(async move {
        let (resp_tx, resp_rx) = oneshot::channel();
        let cmd = Command::Get { key: "foo".to_string(), resp: resp_tx };
        // Send the GET request
        tx.send(cmd).await.unwrap();
        // Await the response
        let res = resp_rx.await;
        println!("GOT = {:?}", res);
    });

    let t2 = tokio::spawn(async move {
        let (resp_tx, resp_rx) = oneshot::channel();
        let cmd = Command::Set { key: "foo".to_string(), val: "bar".into(), resp: resp_tx };
        tx2.send(cmd).await.unwrap();
        let res = resp_rx.await;
        println!("GOT = {:?}", res);
    });

    t1.await.unwrap();
    t2.await.unwrap();

    for key in ["foo", ""] {
        let (resp_tx, resp_rx) = oneshot::channel();
        tx3.send(Command::Set { key: key.to_string(), val: "baz".into(), resp: resp_tx }).await.unwrap();
        match resp_rx.await {
            Ok(Ok(())) => println!("set {key:?}: ok"),
            Ok(Err(e)) => println!("set {key:?}: manager said {e}"),
            Err(_) => println!("set {key:?}: manager is gone"),
        }
    }
    let (resp_tx, resp_rx) = oneshot::channel();
    tx3.send(Command::Get { key: "foo".to_string(), resp: resp_tx }).await.unwrap();
    println!("GOT = {:?}", resp_rx.await);
    drop(tx3);
    println!("manager stopped with {} keys", manager.await.unwrap());
}
