// Tokio tutorial (channels): two tasks send Command values to a manager task over one mpsc channel;
// the manager owns the store (a HashMap) and matches with `use Command::*` inside its loop.
use std::collections::HashMap;
use tokio::sync::mpsc;

#[derive(Debug)]
enum Command {
    Get { key: String },
    Set { key: String, val: String },
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel(32);
    // The `Sender` handles are moved into the tasks. As there are two tasks, we need a second `Sender`.
    let tx2 = tx.clone();

    let manager = tokio::spawn(async move {
        let mut store: HashMap<String, String> = HashMap::new();
        let mut handled = 0;
        // Start receiving messages
        while let Some(cmd) = rx.recv().await {
            use Command::*;
            println!("manager received {:?}", cmd);
            match cmd {
                Get { key } => {
                    let value = store.get(&key);
                    println!("  get {key} = {:?}", value);
                }
                Set { key, val } => {
                    let old = store.insert(key.clone(), val);
                    println!("  set {key}, previous value {:?}", old);
                }
            }
            handled += 1;
        }
        handled
    });

    // Spawn two tasks, one gets a key, the other sets a key
    let t1 = tokio::spawn(async move {
        let cmd = Command::Get { key: "foo".to_string() };
        tx.send(cmd).await.unwrap();
        tx.send(Command::Set { key: "foo".to_string(), val: "first".to_string() }).await.unwrap();
    });

    let t2 = tokio::spawn(async move {
        let cmd = Command::Set { key: "foo".to_string(), val: "bar".into() };
        tx2.send(cmd).await.unwrap();
        tx2.send(Command::Get { key: "foo".to_string() }).await.unwrap();
    });

    t1.await.unwrap();
    t2.await.unwrap();
    let handled = manager.await.unwrap();
    println!("manager handled {handled} commands and stopped: all senders dropped");
}
