/**
 * The program's own items at run time: trait default methods and supertraits, blanket impls, trait
 * objects, generic fns whose type parameters are found from arguments or the expected type, associated
 * consts, operator impls, `FromStr` / `Sum` / `Default` used by std, user iterators with std's adapters,
 * slice patterns, inline modules — and the refusals for what is not supported. The conformance programs
 * `lang_*` check the same features against real tokio; these pin each one down in isolation.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';

function run(body: string, items = ''): string {
  const src = `${items}\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;
  const r = simulate(src, { limits: { maxEvents: 100_000 } });
  if (r.outcome.kind !== 'completed') throw new Error(`${r.outcome.kind}: ${r.outcome.message}\n${r.stderr}`);
  return r.stdout;
}

function refusal(body: string, items = ''): string {
  const src = `${items}\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n${body}\n}\n`;
  const r = simulate(src, {});
  expect(r.outcome.kind).toBe('unsupported');
  expect(r.stdout).toBe('');
  return r.outcome.message ?? '';
}

describe('traits', () => {
  const SHAPES = `
trait Named { fn name(&self) -> String; }
trait Shape: Named {
    const SIDES: u32 = 0;
    fn area(&self) -> i64;
    fn label(&self) -> String { format!("{} sides={} area={}", self.name(), Self::SIDES, self.area()) }
}
struct Sq(i64);
struct Rect { w: i64, h: i64 }
impl Named for Sq { fn name(&self) -> String { "sq".into() } }
impl Named for Rect { fn name(&self) -> String { "rect".into() } }
impl Shape for Sq { const SIDES: u32 = 4; fn area(&self) -> i64 { self.0 * self.0 } }
impl Shape for Rect {
    fn area(&self) -> i64 { self.w * self.h }
    fn label(&self) -> String { format!("custom {}", self.area()) }
}`;

  it('default methods call required ones; an impl may override a default; consts have defaults', () => {
    expect(run('println!("{}", Sq(3).label()); println!("{}", Rect { w: 2, h: 5 }.label());', SHAPES)).toBe(
      'sq sides=4 area=9\ncustom 10\n',
    );
  });

  it('dispatches through Box<dyn Trait>, &dyn Trait and generic bounds', () => {
    expect(
      run(
        `let v: Vec<Box<dyn Shape>> = vec![Box::new(Sq(2)), Box::new(Rect { w: 1, h: 7 })];
    let total: i64 = v.iter().map(|s| s.area()).sum();
    println!("{total} {} {}", show(v[0].as_ref()), twice(&Sq(1)));`,
        `${SHAPES}
fn show(s: &dyn Shape) -> String { s.name() }
fn twice<T: Shape>(s: &T) -> i64 { s.area() * 2 + T::SIDES as i64 }`,
      ),
    ).toBe('11 sq 6\n');
  });

  it('a blanket impl applies to the types that meet its bounds, builtin types included', () => {
    expect(
      run(
        'println!("{} {} {}", 5.shout(), "hi".shout(), 2.5.shout());',
        `use std::fmt::Display;
trait Shout { fn shout(&self) -> String; }
impl<T: Display> Shout for T { fn shout(&self) -> String { format!("{}!", self) } }`,
      ),
    ).toBe('5! hi! 2.5!\n');
  });
});

describe('generic traits', () => {
  it('impls of one generic trait with the same method: the expected type chooses', () => {
    expect(
      run(
        'let m = Meters(2.0);\n    let f: f64 = m.convert();\n    let s: String = m.convert();\n    println!("{f} {s}");',
        `trait Convert<T> { fn convert(&self) -> T; }
struct Meters(f64);
impl Convert<f64> for Meters { fn convert(&self) -> f64 { self.0 * 3.5 } }
impl Convert<String> for Meters { fn convert(&self) -> String { format!("{}m", self.0) } }`,
      ),
    ).toBe('7 2m\n');
  });
});

describe('generics', () => {
  it('`T::default()` finds T from the turbofish, the arguments or the expected return type', () => {
    expect(
      run(
        `let a = fresh::<u8>();
    let (b, c): (String, bool) = pair();
    println!("{a:?} {b:?} {c:?} {:?}", same(7i32));`,
        `fn fresh<T: Default>() -> T { T::default() }
fn pair<A: Default, B: Default>() -> (A, B) { (A::default(), B::default()) }
fn same<T: Default + std::fmt::Debug>(_x: T) -> T { T::default() }`,
      ),
    ).toBe('0 "" false 0\n');
  });

  it('`Default::default()` takes the type the program expects, derives included', () => {
    expect(
      run(
        `let c: Cfg = Default::default();
    let d = Cfg { port: 80, ..Default::default() };
    println!("{:?} {:?} {:?}", c, d, Mode::default());`,
        `#[derive(Debug, Default)] struct Cfg { port: u16, name: String, tags: Vec<u8>, on: Option<bool> }
#[derive(Debug, Default)] enum Mode { Fast, #[default] Safe }`,
      ),
    ).toBe(
      'Cfg { port: 0, name: "", tags: [], on: None } Cfg { port: 80, name: "", tags: [], on: None } Safe\n',
    );
  });
});

describe('std traits the program implements', () => {
  const MONEY = `
use std::ops::{Add, AddAssign, Index, Mul, Neg};
#[derive(Debug, Clone, Copy, PartialEq)]
struct M(i64);
impl Add for M { type Output = M; fn add(self, o: M) -> M { M(self.0 + o.0) } }
impl Mul<i64> for M { type Output = M; fn mul(self, k: i64) -> M { M(self.0 * k) } }
impl Mul<M> for M { type Output = i64; fn mul(self, o: M) -> i64 { self.0 * o.0 } }
impl Neg for M { type Output = M; fn neg(self) -> M { M(-self.0) } }
impl AddAssign for M { fn add_assign(&mut self, o: M) { self.0 += o.0; } }
struct Book(Vec<M>);
impl Index<usize> for Book { type Output = M; fn index(&self, i: usize) -> &M { &self.0[i] } }
impl std::iter::Sum for M { fn sum<I: Iterator<Item = M>>(it: I) -> M { it.fold(M(0), |a, b| a + b) } }`;

  it('operators run the impls; the right operand chooses among `Mul<i64>` and `Mul<M>`', () => {
    expect(
      run(
        `let mut a = M(2) + M(3);
    a += M(10);
    let b = Book(vec![M(1), M(9)]);
    println!("{:?} {:?} {} {:?} {:?}", a, a * 2, a * M(2), -a, b[1]);
    println!("{:?}", vec![M(1), M(2)].into_iter().sum::<M>());`,
        MONEY,
      ),
    ).toBe('M(15) M(30) 30 M(-15) M(9)\nM(3)\n');
  });

  it('`str::parse` runs `impl FromStr`, typed by turbofish, annotation or `?`', () => {
    expect(
      run(
        `println!("{:?} {:?}", "3".parse::<Lvl>(), "x".parse::<Lvl>());
    let r: Result<Lvl, String> = "5".parse();
    println!("{:?} {:?}", r, both("1", "2"));`,
        `use std::str::FromStr;
#[derive(Debug)] struct Lvl(u8);
impl FromStr for Lvl {
    type Err = String;
    fn from_str(s: &str) -> Result<Lvl, String> {
        match s { "1" => Ok(Lvl(1)), "2" => Ok(Lvl(2)), "3" => Ok(Lvl(3)), "5" => Ok(Lvl(5)), _ => Err(format!("bad {s}")) }
    }
}
fn both(a: &str, b: &str) -> Result<(Lvl, Lvl), String> { let x: Lvl = a.parse()?; Ok((x, b.parse()?)) }`,
      ),
    ).toBe('Ok(Lvl(3)) Err("bad x")\nOk(Lvl(5)) Ok((Lvl(1), Lvl(2)))\n');
  });

  it('a struct implementing Iterator gets the adapters and consumers; one that does not keeps its Deref', () => {
    expect(
      run(
        `let v: Vec<u32> = (Down(4)).filter(|x| x % 2 == 0).map(|x| x * 10).collect();
    println!("{:?} {:?} {} {}", v, Down(3).max(), Down(5).count(), Name("abc".into()).len());`,
        `struct Down(u32);
impl Iterator for Down {
    type Item = u32;
    fn next(&mut self) -> Option<u32> { if self.0 == 0 { None } else { self.0 -= 1; Some(self.0 + 1) } }
}
struct Name(String);
impl std::ops::Deref for Name { type Target = String; fn deref(&self) -> &String { &self.0 } }`,
      ),
    ).toBe('[40, 20] Some(3) 5 3\n');
  });
});

describe('IntoIterator', () => {
  it('`for` over a value and over a reference picks the impl for `T` or for `&T`', () => {
    expect(
      run(
        `let b = Bag(vec![1, 2]);
    for x in &b { print!("ref {x} "); }
    for x in b { print!("owned {x} "); }
    println!();`,
        `struct Bag(Vec<u32>);
impl IntoIterator for Bag {
    type Item = u32;
    type IntoIter = std::vec::IntoIter<u32>;
    fn into_iter(self) -> Self::IntoIter { let mut v = self.0; v.reverse(); v.into_iter() }
}
impl<'a> IntoIterator for &'a Bag {
    type Item = &'a u32;
    type IntoIter = std::slice::Iter<'a, u32>;
    fn into_iter(self) -> Self::IntoIter { self.0.iter() }
}`,
      ),
    ).toBe('ref 1 ref 2 owned 2 owned 1 \n');
  });
});

describe('closure captures (edition 2021)', () => {
  it('an `async move` that only reads a Copy field leaves the variable, and its drop, with the owner', () => {
    expect(
      run(
        `let a = N("a");
    let h = tokio::spawn(async move { println!("task reads {}", a.0); });
    h.await.unwrap();
    let b = N("b");
    let h = tokio::spawn(async move { let _x = b; println!("task owns b"); });
    h.await.unwrap();
    println!("end of main");`,
        `struct N(&'static str);
impl Drop for N { fn drop(&mut self) { println!("drop {}", self.0); } }`,
      ),
    ).toBe('task reads a\ntask owns b\ndrop b\nend of main\ndrop a\n');
  });
});

describe('patterns', () => {
  it('slice patterns: fixed length, `..`, `rest @ ..`, literals, nested, `..=hi` ranges', () => {
    expect(
      run(
        `for v in [vec![], vec![1], vec![0, 5], vec![2, 3, 4, 2], vec![1, 2, 3]] {
        let s = match v.as_slice() {
            [] => "empty".to_string(),
            [x] => format!("one {x}"),
            [0, rest @ ..] => format!("zero then {:?}", rest),
            [a, .., b] if a == b => format!("same ends {a}"),
            [first, mid @ .., last] => format!("{first}-{last} around {}", mid.len()),
        };
        println!("{s}");
    }
    let [a, b, c] = [7, 8, 9];
    let words = ["set", "k", "v"];
    if let ["set", key, val] = words { println!("{a}{b}{c} {key}={val}"); }
    match -4 { n @ ..=-1 => println!("neg {n}"), _ => println!("other") }`,
      ),
    ).toBe('empty\none 1\nzero then [5]\nsame ends 2\n1-3 around 1\n789 k=v\nneg -4\n');
  });
});

describe('modules', () => {
  it('nested modules with `use self::`, `super::`, `crate::` and `use Enum::*` inside a fn', () => {
    expect(
      run(
        'println!("{} {}", outer::inner::describe(outer::Dir::Up), outer::Dir::Down.flip() as u8);',
        `mod outer {
    #[derive(Debug, Clone, Copy)]
    pub enum Dir { Up = 1, Down = 2 }
    impl Dir { pub fn flip(self) -> Dir { use self::Dir::*; match self { Up => Down, Down => Up } } }
    pub mod inner {
        use super::Dir;
        pub fn describe(d: Dir) -> String { format!("{:?}/{}", d, crate::outer::inner::code(d)) }
        fn code(d: Dir) -> u8 { d as u8 * 10 }
    }
}`,
      ),
    ).toBe('Up/10 1\n');
  });
});

describe('refusals before the run', () => {
  it('a std trait Pollscope does not honour is refused at its impl, with the list', () => {
    expect(
      refusal(
        'println!("hi");',
        'struct S;\nimpl std::borrow::Borrow<str> for S { fn borrow(&self) -> &str { "s" } }',
      ),
    ).toMatch(/`impl Borrow for S` is not supported by Pollscope yet/);
  });

  it('two `..` in one slice pattern is an error with a span', () => {
    const r = simulate(
      '#[tokio::main]\nasync fn main() { let v = vec![1]; match v.as_slice() { [.., x, ..] => {} _ => {} } }',
      {},
    );
    expect(r.outcome.kind).not.toBe('completed');
    expect(r.diagnostics[0]?.message).toMatch(/`\.\.` can only be used once per slice pattern/);
  });
});
