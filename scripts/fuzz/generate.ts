/**
 * Generated programs: the pathological shapes (deep nesting, huge literals, long loops, recursion, giant
 * strings and collections, channels that only fill, format widths), and small programs in the syntax the
 * language work is adding (traits, generics, closures, iterator chains, patterns), each with sizes drawn
 * from the seed. Many are outside what Pollscope runs today: they must end in an outcome all the same.
 */
import type { Rng } from './rng';

const main = (body: string, prelude = '', flavor = 'flavor = "current_thread"') =>
  `${prelude}#[tokio::main(${flavor})]\nasync fn main() {\n${body}\n}\n`;

const flavors = ['flavor = "current_thread"', 'flavor = "multi_thread", worker_threads = 2', ''];

type Gen = (rng: Rng) => string;

const nesting: Gen = (rng) => {
  const n = rng.pick([10, 60, 200, 255, 256, 300, 2000]);
  const [open, close, core] = rng.pick([
    ['(', ')', '1'],
    ['{ ', ' }', '1'],
    ['[', ']', '1'],
    ['async { ', ' }.await', '1'],
    ['Some(', ')', '1'],
    ['vec![', ']', '1'],
    ['if true { ', ' } else { 0 }', '1'],
    ['(|| ', ')()', '1'],
    ['Box::new(', ')', '1'],
    ["'a: { break 'a ", ' }', '1'],
    ['match 1 { _ => ', ' }', '1'],
    ['tokio::join!(async { ', ' }).0', '1'],
    ['format!("{}", ', ')', '1'],
    ['1 + ', '', '1'],
    ['-', '', '1'],
    ['!', '', 'true'],
  ] as const);
  return main(`    let x = ${open.repeat(n)}${core}${close.repeat(n)};\n    println!("{:?}", x);`);
};

const literals: Gen = (rng) => {
  const n = rng.pick([1000, 100_000, 1_000_000]);
  return rng.pick([
    () => main(`    let s = "${'x'.repeat(n)}";\n    println!("{}", s.len());`),
    () =>
      main(
        `    let v = vec![${Array.from({ length: Math.min(n, 20_000) }, (_, i) => i).join(', ')}];\n    println!("{}", v.len());`,
      ),
    () => main(`    let x: u64 = ${'9'.repeat(rng.pick([20, 400, 5000]))};\n    println!("{}", x);`),
    () =>
      main(
        `    let x = ${'1'.repeat(rng.pick([17, 40]))}.${'5'.repeat(rng.pick([10, 400]))}e${rng.pick(['308', '309', '-400', '99999'])};\n    println!("{} {:?} {:e}", x, x, x);`,
      ),
    () => main(`${'    println!("line");\n'.repeat(Math.min(n, 20_000))}`),
  ])();
};

const loops: Gen = (rng) => {
  const n = rng.pick(['1000', '1_000_000', '100_000_000', 'u64::MAX']);
  const body = rng.pick([
    'x += i;',
    'x = x.wrapping_mul(31).wrapping_add(i);',
    'if i % 1000 == 0 { tokio::task::yield_now().await; }',
    'tokio::task::yield_now().await;',
    'tokio::time::sleep(std::time::Duration::from_millis(1)).await;',
    'if i % 7 == 0 { continue; } x += 1;',
    'let s = format!("{}", i); x += s.len() as u64;',
    'tokio::spawn(async move { i });',
  ]);
  return main(
    `    let mut x = 0u64;\n    for i in 0..${n} {\n        ${body}\n    }\n    println!("{}", x);`,
    '',
    rng.pick(flavors),
  );
};

const recursion: Gen = (rng) => {
  const n = rng.pick([10, 30, 100, 1000, 1_000_000]);
  return rng.pick([
    () =>
      main(
        `    println!("{}", fib(${Math.min(n, 30)}));`,
        'fn fib(n: u64) -> u64 { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }\n',
      ),
    () =>
      main(
        `    println!("{}", depth(${n}));`,
        'fn depth(n: u64) -> u64 { if n == 0 { 0 } else { 1 + depth(n - 1) } }\n',
      ),
    () => main(`    println!("{}", depth(${n}));`, 'fn depth(n: u64) -> u64 { depth(n + 1) }\n'),
    () =>
      main(
        `    println!("{}", even(${n}));`,
        'fn even(n: u64) -> bool { if n == 0 { true } else { odd(n - 1) } }\nfn odd(n: u64) -> bool { if n == 0 { false } else { even(n - 1) } }\n',
      ),
    () =>
      main(
        `    println!("{}", depth(${n}).await);`,
        'use std::future::Future;\nuse std::pin::Pin;\nfn depth(n: u64) -> Pin<Box<dyn Future<Output = u64>>> {\n    Box::pin(async move { if n == 0 { 0 } else { depth(n - 1).await + 1 } })\n}\n',
      ),
    () =>
      main(
        `    let h = std::thread::spawn(move || depth(${n}));\n    println!("{:?}", h.join());`,
        'fn depth(n: u64) -> u64 { if n == 0 { 0 } else { 1 + depth(n - 1) } }\n',
      ),
    () =>
      main(
        `    let v = tokio::task::spawn_blocking(move || depth(${n})).await;\n    println!("{:?}", v);`,
        'fn depth(n: u64) -> u64 { if n == 0 { 0 } else { 1 + depth(n - 1) } }\n',
      ),
    () =>
      main(
        `    let mut list = None;\n    for i in 0..${n} { list = Some(Box::new(Node { v: i, next: list })); }\n    println!("{}", list.is_some());`,
        'struct Node { v: u64, next: Option<Box<Node>> }\n',
      ),
  ])();
};

const strings: Gen = (rng) => {
  const n = rng.pick(['1 << 10', '1 << 20', '1 << 30', '1_000_000_000', 'usize::MAX']);
  return rng.pick([
    () => main(`    let s = "x".repeat(${n});\n    println!("{}", s.len());`),
    () => main('    let mut s = String::from("ab");\n    loop {\n        s = format!("{}{}", s, s);\n    }'),
    () => main('    let mut s = String::from("ab");\n    loop {\n        s = s.clone() + &s;\n    }'),
    () => main('    let mut s = String::new();\n    loop {\n        s.push_str("0123456789");\n    }'),
    () =>
      main(
        '    let mut s = String::new();\n    loop {\n        s += "0123456789";\n        tokio::task::yield_now().await;\n    }',
      ),
    () => main(`    let s = format!("{:>1$}", "x", ${n});\n    println!("{}", s.len());`),
    () =>
      main(`    let s = format!("{:.${rng.pick([3, 100, 101, 1000])}}", 1.5f64);\n    println!("{}", s);`),
    () => main(`    println!("{:0>${rng.pick([10, 10_000, 100_000_000])}}", 7);`),
    () =>
      main(
        `    let v: Vec<String> = (0..${n}).map(|i| i.to_string()).collect();\n    println!("{}", v.join(",").len());`,
      ),
    () =>
      main(
        `    let s = "ab".repeat(1000).replace("a", &"y".repeat(${rng.pick([10, 100_000])}));\n    println!("{}", s.len());`,
      ),
    () => main('    loop {\n        eprintln!("{}", "e".repeat(1000));\n    }'),
  ])();
};

const collections: Gen = (rng) => {
  const n = rng.pick(['1000', '1 << 20', '50_000_000', '1 << 40', 'usize::MAX']);
  return rng.pick([
    () => main(`    let v = vec![0u64; ${n}];\n    println!("{}", v.len());`),
    () => main(`    let v = vec![String::from("abc"); ${n}];\n    println!("{}", v.len());`),
    () => main(`    let v = [0u8; ${n}];\n    println!("{}", v.len());`),
    () =>
      main(
        '    let mut v = Vec::new();\n    let mut i = 0u64;\n    loop {\n        v.push(i);\n        i += 1;\n    }',
      ),
    () =>
      main(
        '    let mut v = vec![1u64];\n    loop {\n        let w = v.clone();\n        v.extend_from_slice(&w);\n    }',
      ),
    () => main(`    let v: Vec<u64> = (0..${n}).collect();\n    println!("{}", v.len());`),
    () => main(`    let s: u64 = (0..${n}).sum();\n    println!("{}", s);`),
    () =>
      main(
        '    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();\n    let mut i = 0u64;\n    loop {\n        tx.send(vec![i; 1000]).unwrap();\n        i += 1;\n    }\n    #[allow(unreachable_code)]\n    rx.recv().await;',
        '',
        rng.pick(flavors),
      ),
    () =>
      main(
        `    let (tx, _rx) = tokio::sync::broadcast::channel(${rng.pick(['16', '1 << 20', '1 << 30'])});\n    let mut i = 0u64;\n    loop {\n        tx.send(format!("{}", i)).unwrap();\n        i += 1;\n    }`,
      ),
    () =>
      main(
        '    let mut hs = Vec::new();\n    loop {\n        hs.push(tokio::spawn(async { tokio::time::sleep(std::time::Duration::from_secs(1000)).await; }));\n    }',
      ),
    () => main(`    let mut v = Vec::with_capacity(${n});\n    v.push(1);\n    println!("{}", v.len());`),
  ])();
};

/** Programs in the syntax the language is growing: many are `unsupported` today, none may crash. */
const language: Gen = (rng) =>
  rng.pick([
    () =>
      main(
        '    let shapes: Vec<Box<dyn Area>> = vec![Box::new(Sq(2.0)), Box::new(Sq(3.0))];\n    for s in shapes.iter() { println!("{:.2}", s.area()); }',
        'trait Area { fn area(&self) -> f64; fn twice(&self) -> f64 { self.area() * 2.0 } }\nstruct Sq(f64);\nimpl Area for Sq { fn area(&self) -> f64 { self.0 * self.0 } }\n',
      ),
    () =>
      main(
        '    println!("{} {}", largest(&[3, 7, 2]), largest(&[1.5, 0.5]));',
        'fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T { let mut m = xs[0]; for &x in xs { if x > m { m = x; } } m }\n',
      ),
    () =>
      main(
        `    let v: Vec<u64> = (1..=${rng.pick([10, 1000])}).filter(|x| x % 3 == 0).map(|x| x * x).take(${rng.pick([3, 100])}).collect();\n    let s: u64 = v.iter().rev().skip(1).sum();\n    println!("{:?} {} {}", &v[..v.len().min(5)], s, v.iter().any(|&x| x > 50));`,
      ),
    () =>
      main(
        '    let words = vec!["a", "bb", "ccc"];\n    let lens: Vec<(usize, &str)> = words.iter().enumerate().map(|(i, w)| (i * w.len(), *w)).collect();\n    let total = words.iter().fold(0, |acc, w| acc + w.len());\n    println!("{:?} {}", lens, total);',
      ),
    () =>
      main(
        '    let mut counter = 0;\n    let mut inc = || { counter += 1; counter };\n    inc(); inc();\n    let add = |a: i32, b: i32| -> i32 { a + b };\n    let boxed: Box<dyn Fn(i32) -> i32> = Box::new(move |x| x + 1);\n    println!("{} {} {}", inc(), add(2, 3), boxed(9));',
      ),
    () =>
      main(
        '    let items = [Shape::Circle { r: 1.0 }, Shape::Rect(2.0, 3.0), Shape::Empty];\n    for s in items.iter() {\n        let d = match s {\n            Shape::Circle { r } if *r > 0.5 => format!("big circle {}", r),\n            Shape::Circle { .. } => "circle".to_string(),\n            Shape::Rect(w, h @ 1.0..=5.0) => format!("rect {} {}", w, h),\n            Shape::Rect(..) => "rect".into(),\n            Shape::Empty => String::new(),\n        };\n        println!("{}", d);\n    }',
        'enum Shape { Circle { r: f64 }, Rect(f64, f64), Empty }\n',
      ),
    () =>
      main(
        '    let v = vec![1, 2, 3, 4, 5];\n    match v.as_slice() {\n        [first, .., last] => println!("{} {}", first, last),\n        [] => println!("empty"),\n    }\n    if let Some(&x) = v.iter().find(|&&x| x > 2) { println!("{}", x); }\n    let (a, (b, c)) = (1, (2, 3));\n    while let Some(top) = Some(a + b + c) { println!("{}", top); break; }',
      ),
    () =>
      main(
        '    let mut m = std::collections::HashMap::new();\n    for w in "a b a c b a".split_whitespace() { *m.entry(w).or_insert(0) += 1; }\n    let mut kv: Vec<_> = m.into_iter().collect();\n    kv.sort();\n    println!("{:?}", kv);',
      ),
    () =>
      main(
        '    let p = Point { x: 1, y: 2 };\n    let q = Point { x: 5, ..p };\n    println!("{:?} {:?} {}", p, q, p == q);\n    let r: Result<u8, String> = "300".parse::<u8>().map_err(|e| e.to_string());\n    println!("{:?}", r);',
        '#[derive(Debug, Clone, Copy, PartialEq)]\nstruct Point { x: i32, y: i32 }\n',
      ),
    () =>
      main(
        '    let x: u8 = 255;\n    println!("{:?} {:?} {}", x.checked_add(1), x.wrapping_add(1), x as i8);\n    let y: i64 = i64::MIN;\n    println!("{}", y / -1);',
      ),
    () =>
      main(
        `    let r = tokio::time::timeout(std::time::Duration::from_secs(${rng.pick(['1', 'u64::MAX', '0'])}), async { 5 }).await;\n    println!("{:?}", r);\n    tokio::time::sleep(std::time::Duration::from_millis(${rng.pick(['1', 'u64::MAX'])})).await;`,
      ),
    () =>
      main(
        `    tokio::select! {\n${Array.from({ length: rng.pick([2, 64, 200]) }, (_, i) => `        v = async { ${i} } => println!("{}", v),`).join('\n')}\n    }`,
      ),
  ])();

const GENERATORS: readonly (readonly [number, string, Gen])[] = [
  [2, 'nesting', nesting],
  [1, 'literals', literals],
  [2, 'loops', loops],
  [2, 'recursion', recursion],
  [2, 'strings', strings],
  [2, 'collections', collections],
  [3, 'language', language],
];

export function generated(rng: Rng): { program: string; how: string } {
  const [, name, gen] = rng.weighted(GENERATORS.map((g) => [g[0], g] as const));
  return { program: gen(rng), how: `generated ${name}` };
}
