// Language: `Arc<dyn Handler + Send + Sync>` shared with tasks. A router maps paths to handler
// objects in a HashMap; several tasks dispatch requests concurrently; results are sorted to print.
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

trait Handler: Send + Sync {
    fn handle(&self, body: &str) -> String;
}

struct Echo;

struct Upper;

struct Counter {
    calls: AtomicUsize,
}

impl Handler for Echo {
    fn handle(&self, body: &str) -> String {
        body.to_string()
    }
}

impl Handler for Upper {
    fn handle(&self, body: &str) -> String {
        body.to_uppercase()
    }
}

impl Handler for Counter {
    fn handle(&self, _body: &str) -> String {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        format!("call #{n}")
    }
}

type Routes = HashMap<&'static str, Arc<dyn Handler + Send + Sync>>;

async fn dispatch(routes: Arc<Routes>, path: &'static str, body: &'static str) -> String {
    tokio::task::yield_now().await;
    match routes.get(path) {
        Some(handler) => format!("{path} {body:?} -> {}", handler.handle(body)),
        None => format!("{path} {body:?} -> 404"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let counter = Arc::new(Counter { calls: AtomicUsize::new(0) });
    let mut routes: Routes = HashMap::new();
    routes.insert("/echo", Arc::new(Echo));
    routes.insert("/upper", Arc::new(Upper));
    routes.insert("/count", counter.clone());
    let routes = Arc::new(routes);

    let requests = [("/echo", "hi"), ("/upper", "shout"), ("/count", ""), ("/missing", "x"), ("/count", "")];
    let mut handles = Vec::new();
    for (path, body) in requests {
        handles.push(tokio::spawn(dispatch(routes.clone(), path, body)));
    }
    let mut lines = Vec::new();
    for h in handles {
        lines.push(h.await.unwrap());
    }
    lines.sort();
    for line in &lines {
        println!("{line}");
    }
    let mut paths: Vec<_> = routes.keys().copied().collect();
    paths.sort_unstable();
    println!("routes: {:?}", paths);
    println!("counter handler called {} times", counter.calls.load(Ordering::SeqCst));
    println!("Arc strong count of the counter: {}", Arc::strong_count(&counter));
}
