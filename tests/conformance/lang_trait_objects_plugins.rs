// Language: trait objects and generics side by side — `Vec<Box<dyn Plugin>>`, `Arc<dyn Plugin + Send +
// Sync>` shared with tasks, `&dyn Plugin` parameters, default methods calling required ones,
// supertraits, generic `fn run<P: Plugin>`, `impl Plugin` return, and `dyn Trait` in a HashMap.
use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::Arc;

trait Named { fn name(&self) -> String; }

trait Plugin: Named + Send + Sync {
    fn apply(&self, input: i64) -> i64;
    fn describe(&self) -> String { format!("{} (f(1)={})", self.name(), self.apply(1)) }
    fn apply_twice(&self, x: i64) -> i64 { self.apply(self.apply(x)) }
}

#[derive(Debug)]
struct Adder(i64);
#[derive(Debug)]
struct Scale { by: i64 }
struct Clamp { lo: i64, hi: i64 }

impl Named for Adder { fn name(&self) -> String { format!("add{}", self.0) } }
impl Named for Scale { fn name(&self) -> String { format!("scale{}", self.by) } }
impl Named for Clamp { fn name(&self) -> String { "clamp".to_string() } }
impl Plugin for Adder { fn apply(&self, x: i64) -> i64 { x + self.0 } }
impl Plugin for Scale {
    fn apply(&self, x: i64) -> i64 { x * self.by }
    fn describe(&self) -> String { format!("multiplies by {}", self.by) }
}
impl Plugin for Clamp { fn apply(&self, x: i64) -> i64 { x.max(self.lo).min(self.hi) } }

fn run_all(plugins: &[Box<dyn Plugin>], x: i64) -> i64 { plugins.iter().fold(x, |acc, p| p.apply(acc)) }
fn show(p: &dyn Plugin) -> String { format!("[{}]", p.describe()) }
fn run_generic<P: Plugin + Debug>(p: &P, x: i64) -> String { format!("{:?} -> {}", p, p.apply_twice(x)) }
fn make(kind: &str) -> Box<dyn Plugin> {
    match kind { "double" => Box::new(Scale { by: 2 }), "inc" => Box::new(Adder(1)), _ => Box::new(Clamp { lo: 0, hi: 100 }) }
}
fn offset(n: i64) -> impl Plugin { Adder(n) }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let chain: Vec<Box<dyn Plugin>> = vec![make("inc"), make("double"), make("clamp"), Box::new(offset(-5))];
    for p in &chain { println!("{}", show(p.as_ref())); }
    for x in [1, 30, 70] { println!("run_all({x}) = {}", run_all(&chain, x)); }
    println!("{}", run_generic(&Scale { by: 3 }, 2));
    println!("{}", run_generic(&Adder(7), 2));
    let shared: Arc<dyn Plugin> = Arc::new(Scale { by: 10 });
    let mut handles = Vec::new();
    for i in 0..3 {
        let p = Arc::clone(&shared);
        handles.push(tokio::spawn(async move { format!("task {i}: {} -> {}", p.name(), p.apply(i)) }));
    }
    for h in handles { println!("{}", h.await.unwrap()); }
    let mut registry: HashMap<String, Box<dyn Plugin>> = HashMap::new();
    for k in ["inc", "double"] { registry.insert(k.to_string(), make(k)); }
    let mut keys: Vec<_> = registry.keys().cloned().collect();
    keys.sort();
    for k in keys { println!("{k}: {}", registry[&k].apply_twice(5)); }
    println!("strong count {}", Arc::strong_count(&shared));
}
