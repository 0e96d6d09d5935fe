// Language: associated consts and types — trait consts with defaults read through `T::` and `Self::`,
// `type Output` chosen per impl, inherent `const`s, generic structs with `impl<T: Bound>` blocks,
// a generic enum with methods, and `<T as Trait>::CONST`.
use std::fmt::Display;

trait Shape {
    const SIDES: u32;
    const NAME: &'static str = "shape";
    fn area(&self) -> f64;
    fn label(&self) -> String { format!("{} with {} sides, area {:.2}", Self::NAME, Self::SIDES, self.area()) }
}

struct Square(f64);
struct Tri { b: f64, h: f64 }

impl Shape for Square { const SIDES: u32 = 4; const NAME: &'static str = "square"; fn area(&self) -> f64 { self.0 * self.0 } }
impl Shape for Tri { const SIDES: u32 = 3; fn area(&self) -> f64 { 0.5 * self.b * self.h } }

fn sides<T: Shape>() -> u32 { T::SIDES }

trait Transform { type Output; fn go(&self) -> Self::Output; }
struct Word(String);
impl Transform for Word { type Output = usize; fn go(&self) -> usize { self.0.len() } }
impl Transform for u32 { type Output = String; fn go(&self) -> String { format!("#{self}") } }

fn apply<T: Transform>(t: &T) -> T::Output { t.go() }

struct Buffer<T> { items: Vec<T>, cap: usize }
impl Buffer<()> { const DEFAULT_CAP: usize = 3; }
impl<T> Buffer<T> {
    fn new() -> Self { Buffer { items: Vec::new(), cap: Buffer::<()>::DEFAULT_CAP } }
    fn push(&mut self, x: T) -> Option<T> {
        self.items.push(x);
        if self.items.len() > self.cap { Some(self.items.remove(0)) } else { None }
    }
}
impl<T: Display> Buffer<T> {
    fn render(&self) -> String { self.items.iter().map(|x| x.to_string()).collect::<Vec<_>>().join("|") }
}

#[derive(Debug)]
enum Tree<T> { Leaf, Node(Box<Tree<T>>, T, Box<Tree<T>>) }
impl<T: PartialOrd + Copy + std::fmt::Debug> Tree<T> {
    fn insert(self, v: T) -> Tree<T> {
        match self {
            Tree::Leaf => Tree::Node(Box::new(Tree::Leaf), v, Box::new(Tree::Leaf)),
            Tree::Node(l, x, r) => if v < x { Tree::Node(Box::new(l.insert(v)), x, r) } else { Tree::Node(l, x, Box::new(r.insert(v))) },
        }
    }
    fn walk(&self, out: &mut Vec<T>) { if let Tree::Node(l, x, r) = self { l.walk(out); out.push(*x); r.walk(out); } }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{}", Square(2.0).label());
    println!("{}", Tri { b: 3.0, h: 5.0 }.label());
    println!("sides: {} {} {}", sides::<Square>(), sides::<Tri>(), <Tri as Shape>::NAME);
    println!("{} {}", apply(&Word("hello".into())), apply(&7u32));
    let h = tokio::spawn(async {
        let mut b = Buffer::new();
        let mut dropped = Vec::new();
        for i in 1..=5 { if let Some(old) = b.push(i * 10) { dropped.push(old); } }
        format!("{} (dropped {:?}, cap {})", b.render(), dropped, Buffer::<()>::DEFAULT_CAP)
    });
    println!("{}", h.await.unwrap());
    let mut t = Tree::Leaf;
    for v in [5, 2, 8, 1, 9, 3] { t = t.insert(v); }
    let mut out = Vec::new();
    t.walk(&mut out);
    println!("{:?}", out);
    println!("{:?}", Tree::Leaf.insert('x'));
}
