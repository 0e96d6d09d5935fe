// Language: a collection type the program iterates with `for` — `impl IntoIterator` for the type and
// for a reference to it — plus `&mut dyn Trait` visitors, enum methods matching `*self`, a struct
// holding boxed closures, and a generic fn over `IntoIterator<Item = u32>`, fed from a task.
use std::collections::HashMap;

struct Playlist { songs: Vec<String> }

impl IntoIterator for Playlist {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;
    fn into_iter(self) -> Self::IntoIter { self.songs.into_iter() }
}

impl<'a> IntoIterator for &'a Playlist {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter { self.songs.iter() }
}

trait Visitor { fn visit(&mut self, n: i32); fn result(&self) -> String; }
struct Sum(i32);
struct Max(Option<i32>);
impl Visitor for Sum { fn visit(&mut self, n: i32) { self.0 += n; } fn result(&self) -> String { format!("sum {}", self.0) } }
impl Visitor for Max {
    fn visit(&mut self, n: i32) { self.0 = Some(self.0.map_or(n, |m| m.max(n))); }
    fn result(&self) -> String { format!("max {:?}", self.0) }
}
fn walk(v: &mut dyn Visitor, xs: &[i32]) { for &x in xs { v.visit(x); } }

#[derive(Clone, Copy, Debug)]
enum Op { Add(i32), Mul(i32), Neg }
impl Op {
    fn apply(&self, x: i32) -> i32 { match *self { Op::Add(n) => x + n, Op::Mul(n) => x * n, Op::Neg => -x } }
}

struct Router { routes: HashMap<String, Box<dyn Fn(i32) -> String + Send>> }
impl Router {
    fn new() -> Self { Router { routes: HashMap::new() } }
    fn add(&mut self, name: &str, f: impl Fn(i32) -> String + Send + 'static) { self.routes.insert(name.to_string(), Box::new(f)); }
    fn call(&self, name: &str, x: i32) -> String {
        match self.routes.get(name) { Some(f) => f(x), None => format!("no route {name}") }
    }
}

fn total<I: IntoIterator<Item = u32>>(items: I) -> u32 { items.into_iter().sum() }

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let list = Playlist { songs: vec!["intro".into(), "verse".into(), "outro".into()] };
    for s in &list { print!("{} ", s.to_uppercase()); }
    println!();
    let lens: Vec<usize> = (&list).into_iter().map(|s| s.len()).collect();
    println!("{:?}", lens);
    for (i, s) in list.into_iter().enumerate() { println!("{i}: {s}"); }
    let data = [3, -7, 12, 5];
    let mut visitors: Vec<Box<dyn Visitor>> = vec![Box::new(Sum(0)), Box::new(Max(None))];
    for v in visitors.iter_mut() { walk(v.as_mut(), &data); }
    for v in &visitors { println!("{}", v.result()); }
    let ops = [Op::Add(3), Op::Mul(4), Op::Neg];
    println!("{} via {:?}", ops.iter().fold(1, |acc, op| op.apply(acc)), ops);
    let mut r = Router::new();
    let prefix = String::from("hello");
    r.add("greet", move |n| format!("{prefix} #{n}"));
    r.add("double", |n| (n * 2).to_string());
    let h = tokio::spawn(async move { vec![r.call("greet", 1), r.call("double", 21), r.call("nope", 0)] });
    println!("{:?}", h.await.unwrap());
    println!("{} {}", total(vec![1, 2, 3]), total(Playlist { songs: vec!["a".into()] }.into_iter().map(|s| s.len() as u32)));
}
