/**
 * The last language gaps of issue 15, each in isolation (the `lang_*` conformance programs check them
 * against real tokio): PhantomData, items declared in blocks keeping their `#[derive]`s, type aliases seen
 * by the type passes, trait-impl methods' integer kinds, exact Durations, `Pin::set`, `.into()` from
 * strings, `Ord::max` on structs — and the early refusals for what would otherwise be silently wrong
 * (writes through a copied sub-slice, `{:?}` of a PhantomData, `let` chains, raw pointers).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';

function program(body: string, items: string): string {
  return `${items}\n#[tokio::main(flavor = "current_thread", start_paused = true)]\nasync fn main() {\n${body}\n}\n`;
}

function run(body: string, items = ''): string {
  const r = simulate(program(body, items), { limits: { maxEvents: 100_000 } });
  if (r.outcome.kind !== 'completed') throw new Error(`${r.outcome.kind}: ${r.outcome.message}\n${r.stderr}`);
  return r.stdout;
}

function refusal(body: string, items = ''): { message: string; stdout: string } {
  const r = simulate(program(body, items), {});
  expect(r.outcome.kind).toBe('unsupported');
  return { message: r.outcome.message ?? '', stdout: r.stdout };
}

describe('PhantomData', () => {
  const ID = `use std::marker::PhantomData;
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Id<T> { raw: u32, _t: PhantomData<T> }
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct User;`;

  it('is a Copy, comparable, default marker value', () => {
    expect(
      run(
        `let a: Id<User> = Id { raw: 3, _t: PhantomData };
let b = a;
let d: Id<User> = Id::default();
println!("{} {} {} {} {}", a.raw, a == b, d < a, a.max(d).raw, PhantomData::<u8> == PhantomData);`,
        ID,
      ),
    ).toBe('3 true true 3 true\n');
  });

  it('refuses {:?}, whose output names the type parameter', () => {
    const r = refusal(`println!("before");\nprintln!("{:?}", PhantomData::<u8>);`, ID);
    expect(r.message).toContain('`{:?}` of a `PhantomData` is not supported by Pollscope yet');
  });
});

describe('items inside blocks', () => {
  it('keep their derives', () => {
    expect(
      run(`#[derive(Debug, Default, Clone, PartialEq)]
struct P { x: i32 }
let p = P::default();
println!("{:?} {}", p.clone(), p == P { x: 0 });`),
    ).toBe('P { x: 0 } true\n');
  });

  it('type aliases are looked through by casts and by the expected type', () => {
    expect(
      run(`type Total = u64;
type Scores = std::collections::HashMap<String, Vec<u32>>;
let mut s: Scores = std::collections::HashMap::new();
s.entry("a".to_string()).or_default().push(7);
println!("{} {:?}", (u32::MAX as Total) + 1, s["a"]);`),
    ).toBe('4294967296 [7]\n');
  });
});

describe('range patterns beyond 2^53', () => {
  it('negate exactly (the parser mixed a bigint with a number and crashed; found by the fuzz test)', () => {
    expect(
      run(`let x: i64 = -9007199254740995;
match x { -9007199254740997..=-9007199254740993 => println!("far"), n @ 1..=9007199254740993 => println!("{n}"), _ => println!("other") }`),
    ).toBe('far\n');
  });
});

describe('trait impl methods', () => {
  it('give integer fields their kinds (impl Iterator with checked_add)', () => {
    expect(
      run(
        `let v: Vec<u64> = Fib { a: 0, b: 1 }.collect();
println!("{} {}", v.len(), v[v.len() - 1]);`,
        `struct Fib { a: u64, b: u64 }
impl Iterator for Fib {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        let out = self.a;
        let n = self.a.checked_add(self.b)?;
        self.a = self.b;
        self.b = n;
        Some(out)
    }
}`,
      ),
    ).toBe('92 4660046610375530309\n');
  });
});

describe('Duration beyond 2^53 ns', () => {
  it('is exact', () => {
    expect(
      run(`let m = std::time::Duration::MAX;
let h = std::time::Duration::from_secs(u64::MAX / 1000);
println!("{:?} {} {}", m, m.as_nanos(), h.as_millis());
println!("{}", h == std::time::Duration::from_millis(u64::MAX / 1000 * 1000));`),
    ).toBe('18446744073709551615.999999999s 18446744073709551615999999999 18446744073709551000\ntrue\n');
  });
});

describe('Pin::set and into()', () => {
  it('replaces a pinned future, dropping the old one', () => {
    expect(
      run(
        `let f = later(5);
tokio::pin!(f);
f.set(later(7));
println!("{}", f.await);`,
        'async fn later(n: u32) -> u32 { tokio::time::sleep(std::time::Duration::from_millis(1)).await; n }',
      ),
    ).toBe('7\n');
  });

  it('converts strings through the program From impl, or into bytes', () => {
    expect(
      run(
        `let n: N = "ab".into();
let v: Vec<u8> = "hi".into();
println!("{} {:?}", n.0, v);`,
        'struct N(String);\nimpl From<&str> for N { fn from(s: &str) -> N { N(s.to_uppercase()) } }',
      ),
    ).toBe('AB [104, 105]\n');
  });
});

describe('refused before the run', () => {
  it.each([
    ['let mut v = vec![1, 2, 3];\nlet s = &mut v[1..];\ns[0] = 9;', 'writing through a sub-slice'],
    ['let mut v = vec![3, 2, 1];\nv[..2].sort();', 'writing through a sub-slice'],
    ['let mut v = vec![0u8; 4];\nv[1..].copy_from_slice(&[1, 2, 3]);', 'writing through a sub-slice'],
    ['let mut v = vec![1, 2];\nv[0..1][0] = 5;', 'writing through a sub-slice'],
    ['let a = Some(1);\nif let Some(x) = a && x > 0 {}', '`let` chains'],
    ['let x = 1;\nlet p: *const i32 = &x;', 'raw pointers'],
  ])('%s', (body, message) => {
    const r = refusal(`println!("never printed");\n${body}`);
    expect(r.message).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('also refuses `&mut v[a..]` passed to a method the program defines', () => {
    const r = refusal(
      'let mut b = vec![0u8; 4];\nlet mut f = Filler;\nf.fill(&mut b[1..]);',
      'struct Filler;\nimpl Filler { fn fill(&mut self, s: &mut [u8]) { for x in s.iter_mut() { *x = 1; } } }',
    );
    expect(r.message).toContain('writing through a sub-slice');
  });
});
