/**
 * The Rust syntax Pollscope accepts, one example each, and what it refuses on purpose. `docs/supported.md`
 * is generated from these tables (`npm run docs:supported`), and `syntax-table.test.ts` compiles every
 * example through the real parser and resolver: a supported example that stops compiling, or a refused one
 * that stops being refused, fails the test, so the page cannot claim what the front end does not do.
 *
 * `wrap` says where the example goes: `item` at the top of a program with an empty `fn main`, `stmt` inside
 * `fn main`, `async` inside a `#[tokio::main] async fn main`.
 */
export interface SyntaxExample {
  readonly group: SyntaxGroup;
  readonly feature: string;
  readonly example: string;
  readonly wrap: 'item' | 'stmt' | 'async';
}

export type SyntaxGroup = 'Items' | 'Types and generics' | 'Patterns' | 'Expressions' | 'Async' | 'Macros';

export const SYNTAX_GROUPS: readonly SyntaxGroup[] = [
  'Items',
  'Types and generics',
  'Patterns',
  'Expressions',
  'Async',
  'Macros',
];

const item = (group: SyntaxGroup, feature: string, example: string): SyntaxExample => ({
  group,
  feature,
  example,
  wrap: 'item',
});
const stmt = (group: SyntaxGroup, feature: string, example: string): SyntaxExample => ({
  group,
  feature,
  example,
  wrap: 'stmt',
});
const inAsync = (group: SyntaxGroup, feature: string, example: string): SyntaxExample => ({
  group,
  feature,
  example,
  wrap: 'async',
});

export const SUPPORTED_SYNTAX: readonly SyntaxExample[] = [
  // Items
  item('Items', 'functions and `async fn`', 'async fn fetch(id: u32) -> u32 { id * 2 }'),
  item(
    'Items',
    'structs with named fields, tuple structs, unit structs',
    'struct Point { x: i32, y: i32 }\nstruct Meters(f64);\nstruct Marker;',
  ),
  item(
    'Items',
    'enums with unit, tuple and struct variants; explicit discriminants',
    'enum Shape { Empty, Circle(f64), Rect { w: f64, h: f64 } }\nenum Code { Ok = 200, NotFound = 404 }',
  ),
  item(
    'Items',
    'inherent `impl` blocks with associated functions, methods and consts',
    'struct Counter { n: u32 }\nimpl Counter {\n    const START: u32 = 0;\n    fn new() -> Self { Counter { n: Self::START } }\n    fn bump(&mut self) -> u32 { self.n += 1; self.n }\n}',
  ),
  item(
    'Items',
    '`trait` definitions with default methods, associated consts and types',
    'trait Animal {\n    const LEGS: u32 = 4;\n    type Food;\n    fn name(&self) -> String;\n    fn greet(&self) -> String { format!("I am {}", self.name()) }\n}',
  ),
  item(
    'Items',
    '`impl Trait for T` (structs, enums, builtin types), blanket impls with bounds',
    'trait Describe { fn describe(&self) -> String; }\nimpl Describe for i32 { fn describe(&self) -> String { format!("int {self}") } }\nimpl<T: Describe> Describe for Vec<T> { fn describe(&self) -> String { format!("{} items", self.len()) } }',
  ),
  item(
    'Items',
    'std traits a program implements (`Display`, `From`, `Iterator`, `Future`, `Drop`, operators, …)',
    'use std::fmt;\nstruct Id(u32);\nimpl fmt::Display for Id {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "#{}", self.0) }\n}',
  ),
  item(
    'Items',
    '`#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]`',
    '#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]\nstruct Version(u32, u32);',
  ),
  item(
    'Items',
    'type aliases',
    'use std::collections::HashMap;\nuse std::sync::{Arc, Mutex};\ntype Db = Arc<Mutex<HashMap<String, u32>>>;',
  ),
  item('Items', '`const` and `static` items', 'const MAX: usize = 10;\nstatic GREETING: &str = "hello";'),
  item(
    'Items',
    'inline `mod` with `pub`, `use self::..`, `super::`, `crate::`',
    'mod shapes {\n    pub mod area { pub fn square(s: f64) -> f64 { s * s } }\n    pub use self::area::square;\n}\nuse crate::shapes::square;',
  ),
  item(
    'Items',
    '`use` declarations with groups, globs and renames',
    'use std::collections::{HashMap, HashSet as Set};\nuse std::sync::mpsc::*;',
  ),
  stmt(
    'Items',
    'items and `use` declared inside functions and blocks',
    'enum Op { Add, Sub }\nuse Op::*;\nfn apply(op: Op, a: i32, b: i32) -> i32 { match op { Add => a + b, Sub => a - b } }\nlet _ = apply(Add, 1, 2);',
  ),
  // Types and generics
  item(
    'Types and generics',
    'generic functions, structs, enums and impls with bounds and `where` clauses',
    'struct Wrapper<T> { inner: T }\nimpl<T: std::fmt::Debug> Wrapper<T> where T: Clone {\n    fn show(&self) -> String { format!("{:?}", self.inner.clone()) }\n}',
  ),
  item(
    'Types and generics',
    '`impl Trait` in argument and return position',
    'fn evens(limit: u32) -> impl Iterator<Item = u32> { (0..limit).filter(|n| n % 2 == 0) }\nfn total(xs: impl IntoIterator<Item = u32>) -> u32 { xs.into_iter().sum() }',
  ),
  item(
    'Types and generics',
    'trait objects: `Box<dyn Trait>`, `&dyn Trait`, `Arc<dyn Trait + Send + Sync>`',
    'use std::sync::Arc;\ntrait Handler { fn handle(&self, x: u32) -> u32; }\nstruct Double;\nimpl Handler for Double { fn handle(&self, x: u32) -> u32 { x * 2 } }\nfn make() -> Arc<dyn Handler + Send + Sync> { Arc::new(Double) }\nfn run(h: &dyn Handler) -> u32 { h.handle(1) }\nfn boxed() -> Box<dyn Handler> { Box::new(Double) }',
  ),
  stmt(
    'Types and generics',
    'references, `&mut`, slices, arrays, tuples, closures (`Fn`, `FnMut`, `FnOnce`)',
    'let mut v = [3, 1, 2];\nlet s: &mut [i32] = &mut v;\ns.sort();\nlet add = |a: i32, b: i32| -> i32 { a + b };\nlet t: (i32, &str) = (add(1, 2), "x");',
  ),
  stmt(
    'Types and generics',
    'integer types `i8`…`i128`, `u8`…`u128`, `isize`, `usize` (exact, overflow panics), `f32`/`f64`, `char`, `bool`',
    'let big: u128 = u64::MAX as u128 * 3;\nlet x = 7u8.wrapping_add(250);\nlet f = 1.5f64 * 2.0;',
  ),
  stmt(
    'Types and generics',
    '`as` casts between numeric types, `char` and enums',
    'let c = 65u8 as char;\nlet n = -1i32 as u32;\nlet d = 3.9f64 as i64;',
  ),
  // Patterns
  stmt(
    'Patterns',
    'literals, ranges and `|` alternatives',
    'let n = 7;\nlet s = match n { 0 => "zero", 1 | 2 => "small", 3..=9 => "digit", _ => "big" };',
  ),
  stmt(
    'Patterns',
    'tuple, struct, tuple-struct and enum variant patterns, nested',
    'let pair = (Some(1), Ok::<i32, String>(2));\nif let (Some(a), Ok(b)) = pair { let _ = a + b; }',
  ),
  stmt(
    'Patterns',
    '`ref` / `ref mut` bindings and `@` bindings',
    'let mut v = Some(5);\nif let Some(ref mut x) = v { *x += 1; }\nlet msg = match 42 { n @ 40..=49 => n, _ => 0 };',
  ),
  stmt(
    'Patterns',
    'slice patterns with `..` and rest bindings',
    'let xs = [1, 2, 3, 4];\nif let [first, .., last] = xs { let _ = first + last; }\nmatch &xs[..] { [head, rest @ ..] => { let _ = (head, rest.len()); } [] => {} }',
  ),
  stmt(
    'Patterns',
    'match guards and `()` patterns',
    'let r: Result<(), String> = Ok(());\nmatch r { Ok(()) => {}, Err(e) if e.is_empty() => {}, Err(_) => {} }',
  ),
  stmt(
    'Patterns',
    '`let`-`else`, `if let`, `while let`, `matches!`',
    'let mut stack = vec![1, 2];\nwhile let Some(top) = stack.pop() { let _ = top; }\nlet Some(x) = Some(3) else { return; };\nlet _ = matches!(x, 1..=5);',
  ),
  // Expressions
  stmt(
    'Expressions',
    'arithmetic, comparison, logic, bit operators and compound assignment',
    'let mut x = 5;\nx += 3 * 2 % 4;\nlet b = (x << 2) & 0xff | 1;\nlet ok = x > 3 && !(b == 0);',
  ),
  stmt(
    'Expressions',
    '`if`, `match`, `loop` with `break` values, labelled loops, `while`, `for`',
    "let mut n = 0;\nlet v = loop { n += 1; if n == 3 { break n * 10; } };\n'outer: for i in 0..3 { for j in 0..3 { if i * j == 2 { break 'outer; } } }",
  ),
  stmt(
    'Expressions',
    'ranges (`a..b`, `a..=b`, `..`, `a..`), indexing and sub-slices',
    'let v = vec![1, 2, 3, 4, 5];\nlet mid = &v[1..4];\nlet tail = &v[2..];\nlet _ = (mid.len(), tail[0]);',
  ),
  stmt(
    'Expressions',
    'closures capturing by reference or by `move`',
    'let mut count = 0;\nlet mut inc = || count += 1;\ninc();\nlet name = String::from("a");\nlet greet = move || format!("hi {name}");\nlet _ = greet();',
  ),
  stmt(
    'Expressions',
    'method calls, associated functions, turbofish',
    'let v: Vec<u32> = "1 2 3".split(\' \').map(|s| s.parse::<u32>().unwrap()).collect();\nlet total = v.iter().sum::<u32>();',
  ),
  stmt(
    'Expressions',
    'struct literals with shorthand and `..base` update syntax',
    '#[derive(Clone, Default)]\nstruct Config { retries: u32, verbose: bool }\nlet base = Config::default();\nlet retries = 3;\nlet c = Config { retries, ..base.clone() };',
  ),
  item(
    'Expressions',
    'the `?` operator on `Result` and `Option`',
    'fn parse_pair(s: &str) -> Result<(i32, i32), std::num::ParseIntError> {\n    let (a, b) = s.split_once(\',\').unwrap_or((s, "0"));\n    Ok((a.parse()?, b.parse()?))\n}',
  ),
  stmt(
    'Expressions',
    '`unsafe` blocks (around the `Pin` projections hand-written futures use)',
    'let x = unsafe { 1 + 1 };',
  ),
  // Async
  inAsync(
    'Async',
    '`async` blocks, `async move`, `.await`',
    'let task = async move { 1 + 1 };\nlet two = task.await;',
  ),
  item(
    'Async',
    '`#[tokio::main]` (both flavors, `worker_threads`, `start_paused`) and `#[tokio::test]`-free `fn main` building a `Runtime`',
    '#[allow(dead_code)]\nfn run() { let rt = tokio::runtime::Runtime::new().unwrap(); rt.block_on(async {}); }',
  ),
  item(
    'Async',
    '`impl Future for T` with `poll`, `Pin<&mut Self>` and `Context`',
    "use std::future::Future;\nuse std::pin::Pin;\nuse std::task::{Context, Poll};\nstruct Ready(u32);\nimpl Future for Ready {\n    type Output = u32;\n    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<u32> { Poll::Ready(self.0) }\n}",
  ),
  // Macros
  stmt(
    'Macros',
    '`println!`, `print!`, `eprintln!`, `eprint!`, `format!` with positional, named, inline and `{:?}`/`{:#?}`/width/precision arguments',
    'let name = "x";\nprintln!("{name:>5} {:?} {:#?} {:.2} {0}", (1, 2), [3], 1.5);\nlet s = format!("{}-{}", 1, 2);\neprint!("{s}");',
  ),
  stmt(
    'Macros',
    '`vec!`, `matches!`, `assert!`, `assert_eq!`, `assert_ne!`, `debug_assert*!`',
    'let v = vec![0u8; 3];\nassert_eq!(v.len(), 3, "len {}", v.len());\nassert!(matches!(v.first(), Some(0)));',
  ),
  stmt(
    'Macros',
    '`panic!`, `unreachable!`, `todo!`, `unimplemented!`',
    'if false { panic!("boom {}", 1); }\nif false { unreachable!() }',
  ),
  item(
    'Macros',
    '`write!` / `writeln!` to a `Formatter` or a `String`',
    'use std::fmt::Write;\nfn render() -> String { let mut s = String::new(); write!(s, "{}", 1).unwrap(); writeln!(s).unwrap(); s }',
  ),
  inAsync(
    'Macros',
    '`tokio::select!` (with `biased;`, patterns, `else`), `tokio::join!`, `tokio::try_join!`, `tokio::pin!`',
    'let (a, b) = tokio::join!(async { 1 }, async { 2 });\nlet fut = async { 3 };\ntokio::pin!(fut);\ntokio::select! { v = &mut fut => { let _ = v + a + b; } }',
  ),
  inAsync(
    'Macros',
    '`futures::select!` / `select_biased!` (fused futures polled in place, `complete =>`, `default =>`), `futures::join!`, `pin_mut!`',
    'let mut a = futures::future::ready(1);\nlet mut b = futures::future::ready(2);\nloop {\n    futures::select_biased! { x = a => { let _ = x; }, y = b => { let _ = y; }, complete => break, default => {} }\n}',
  ),
];

/** What the front end refuses before the run, with the refusal it gives. */
export const UNSUPPORTED_SYNTAX: readonly SyntaxExample[] = [
  item('Items', '`macro_rules!` macros', 'macro_rules! twice { ($e:expr) => { $e * 2 }; }'),
  stmt('Macros', 'other macros (from std or from crates)', 'let s = concat!("a", "b");'),
  item('Items', '`extern` blocks and functions', 'extern "C" { fn abs(x: i32) -> i32; }'),
  item('Items', '`union`', 'union Bits { i: u32, f: f32 }'),
  item('Items', 'negative impls', 'struct S;\nimpl !Send for S {}'),
  stmt('Types and generics', 'raw pointers (`*const T`, `*mut T`)', 'let x = 1;\nlet p: *const i32 = &x;'),
  stmt(
    'Expressions',
    'writing through a sub-slice (`&mut v[1..3]`, `v[1..3].sort()`)',
    'let mut v = vec![3, 1, 2];\nlet s = &mut v[1..3];\ns[0] = 9;',
  ),
  stmt('Expressions', '`async` closures', 'let f = async |x: u32| x + 1;'),
  stmt('Expressions', '`let` chains (`if let .. && ..`)', 'let a = Some(1);\nif let Some(x) = a && x > 0 {}'),
  item('Items', 'crates other than those this page lists (`serde`, …)', 'use serde::Serialize;'),
];
