// Tokio tutorial (channels), the usual next step: hide the actor behind a cloneable handle struct
// with async methods. Tasks increment shared counters through it; `Shutdown` ends the actor.
use std::collections::BTreeMap;
use tokio::sync::{mpsc, oneshot};

#[derive(Debug)]
enum Msg {
    Incr { name: String, by: i64, reply: oneshot::Sender<i64> },
    Snapshot(oneshot::Sender<BTreeMap<String, i64>>),
    Shutdown,
}

#[derive(Clone)]
struct CounterHandle {
    tx: mpsc::Sender<Msg>,
}

impl CounterHandle {
    fn spawn() -> (CounterHandle, tokio::task::JoinHandle<usize>) {
        let (tx, mut rx) = mpsc::channel(16);
        let actor = tokio::spawn(async move {
            use Msg::*;
            let mut counters: BTreeMap<String, i64> = BTreeMap::new();
            let mut handled = 0;
            while let Some(msg) = rx.recv().await {
                handled += 1;
                match msg {
                    Incr { name, by, reply } => {
                        let value = counters.entry(name).or_insert(0);
                        *value += by;
                        let _ = reply.send(*value);
                    }
                    Snapshot(reply) => {
                        let _ = reply.send(counters.clone());
                    }
                    Shutdown => break,
                }
            }
            handled
        });
        (CounterHandle { tx }, actor)
    }

    async fn incr(&self, name: &str, by: i64) -> i64 {
        let (reply, rx) = oneshot::channel();
        let msg = Msg::Incr { name: name.to_string(), by, reply };
        self.tx.send(msg).await.expect("actor is gone");
        rx.await.expect("actor dropped the reply")
    }

    async fn snapshot(&self) -> BTreeMap<String, i64> {
        let (reply, rx) = oneshot::channel();
        self.tx.send(Msg::Snapshot(reply)).await.unwrap();
        rx.await.unwrap()
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (handle, actor) = CounterHandle::spawn();
    let mut workers = Vec::new();
    for w in 0..3 {
        let h = handle.clone();
        workers.push(tokio::spawn(async move {
            let mut last = 0;
            for name in ["hits", "misses", "hits"] {
                last = h.incr(name, w + 1).await;
            }
            println!("worker {w} done, hits was {last} after its last call");
        }));
    }
    for w in workers {
        w.await.unwrap();
    }
    let snap = handle.snapshot().await;
    println!("snapshot: {:?}", snap);
    println!("total: {}", snap.values().sum::<i64>());
    handle.tx.send(Msg::Shutdown).await.unwrap();
    println!("actor handled {} messages", actor.await.unwrap());
}
