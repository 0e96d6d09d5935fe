// Language: items declared inside async fns and async blocks — a local enum with `use Enum::*`, a local
// struct with an impl and a derived Debug, a local fn — used across spawned tasks and channels.
use tokio::sync::mpsc;

async fn worker(id: u32, tx: mpsc::Sender<String>) {
    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Step {
        Start,
        Work(u32),
        Done,
    }
    use Step::*;
    fn label(s: Step) -> String {
        match s {
            Start => "start".to_string(),
            Work(n) => format!("work {n}"),
            Done => "done".to_string(),
        }
    }
    for s in [Start, Work(id * 10), Done] {
        tx.send(format!("worker {id}: {} ({:?})", label(s), s)).await.unwrap();
        tokio::task::yield_now().await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let (tx, mut rx) = mpsc::channel(8);
    for id in 1..=2 {
        tokio::spawn(worker(id, tx.clone()));
    }
    drop(tx);
    let summary = tokio::spawn(async move {
        #[derive(Debug, Default)]
        struct Tally {
            lines: usize,
            work: usize,
        }
        impl Tally {
            fn add(&mut self, line: &str) {
                self.lines += 1;
                if line.contains("work") {
                    self.work += 1;
                }
            }
        }
        let mut t = Tally::default();
        while let Some(line) = rx.recv().await {
            println!("{line}");
            t.add(&line);
        }
        t
    });
    println!("{:?}", summary.await.unwrap());
}
