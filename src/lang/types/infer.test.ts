import { describe, expect, it } from 'vitest';
import type { Expr } from '../ast';
import { parseProgram } from '../parser';
import { resolveProgram, type BuiltinOracle } from '../resolve';
import { walkProgram } from '../walk';
import { inferNumericKinds } from './infer';
import { KIND_NAMES } from './kinds';

/** The std paths these programs use, as sim/'s oracle names them. */
const KNOWN = new Set([
  'Vec::new',
  'Some',
  'Ok',
  'Err',
  'None',
  'u64::MAX',
  'i32::MAX',
  'Duration::from_millis',
  'tokio::spawn',
  'tokio::sync::mpsc::channel',
  'tokio::task::yield_now',
]);
const ORACLE: BuiltinOracle = {
  resolve: (path) => {
    const p = path.join('::');
    if (KNOWN.has(p)) return p;
    const tail = path.slice(-2).join('::');
    return KNOWN.has(tail) ? tail : null;
  },
  blocks: () => false,
  pure: () => true,
  blockingMethods: new Set(),
  crates: new Set(['std', 'tokio']),
};

/** The kind of each expression, keyed by its source text (`x * 2` → `u64`; `?` for unknown). */
function kinds(body: string, items = ''): Map<string, string> {
  const src = `${items}\n#[tokio::main]\nasync fn main() {\n${body}\n}\n`;
  const prog = resolveProgram(parseProgram(src), ORACLE);
  const out = new Map<string, string>();
  walkProgram(prog.program, (e: Expr) => {
    const k = e.k === 'assign' ? e.target.nk : e.nk;
    out.set(src.slice(e.span.start, e.span.end), KIND_NAMES[k ?? 0] || '?');
  });
  expect(inferNumericKinds(prog).mismatches).toEqual([]);
  return out;
}

describe('the numeric type pass', () => {
  it('gives an unconstrained integer literal i32, as rustc falls back', () => {
    const k = kinds('let x = 5;\nlet y = x * 2;\nprintln!("{}", y);');
    expect(k.get('x * 2')).toBe('i32');
    expect(k.get('5')).toBe('i32');
  });

  it('reads let annotations, suffixes, and unifies both sides of an operator', () => {
    const k = kinds('let x: u8 = 200;\nlet y = x + 1;\nlet a = 7u64;\nlet b = 3 * a;\nlet c = 2.5f32 * 2.0;');
    expect(k.get('x + 1')).toBe('u8');
    expect(k.get('3 * a')).toBe('u64');
    expect(k.get('3')).toBe('u64');
    expect(k.get('2.5f32 * 2.0')).toBe('f32');
    expect(k.get('2.0')).toBe('f32');
  });

  it('gives a block that ends in break; the type `!`, so it fits any match arm', () => {
    const k = kinds(
      'let v: Vec<Result<u32, i32>> = Vec::new();\nfor r in v {\n    let n = match r {\n        Ok(n) => n as usize,\n        Err(e) => {\n            println!("{e}");\n            break;\n        }\n    };\n    println!("{}", n + 1);\n}',
    );
    expect(k.get('n + 1')).toBe('usize');
  });

  it('follows struct fields, fn parameters and return types', () => {
    const k = kinds(
      'let p = P { seq: 250 };\nlet n = next(p.seq);\nlet m = n + 1;',
      'struct P { seq: u8 }\nfn next(s: u8) -> u8 { s.wrapping_add(1) }',
    );
    expect(k.get('250')).toBe('u8');
    expect(k.get('n + 1')).toBe('u8');
    expect(k.get('s.wrapping_add(1)')).toBe('u8');
  });

  it('knows the result types of std methods', () => {
    const k = kinds(
      'let v: Vec<u64> = Vec::new();\nlet n = v.len() * 2;\nlet d = Duration::from_millis(5);\nlet ms = d.as_millis() + 1;\nlet z = 1u32.leading_zeros() + 1;',
      'use std::time::Duration;',
    );
    expect(k.get('v.len() * 2')).toBe('usize');
    expect(k.get('d.as_millis() + 1')).toBe('u128');
    expect(k.get('1u32.leading_zeros() + 1')).toBe('u32');
    expect(k.get('5')).toBe('u64');
  });

  it('types a compound assignment by its target, and a literal by its later use', () => {
    const k = kinds(
      'let mut t = 0;\nlet n: u64 = 5;\nt += n;\nlet mut i = 0;\nlet v = vec![1u8, 2];\nlet _ = v[i];\ni += 1;',
    );
    expect(k.get('t += n')).toBe('u64');
    expect(k.get('0')).toBe('usize');
    expect(k.get('i += 1')).toBe('usize');
  });

  it('does not let a cast constrain its operand', () => {
    const k = kinds('let i = 3;\nlet x = i as u64;\nlet j = i + 1;');
    expect(k.get('i as u64')).toBe('u64');
    expect(k.get('i + 1')).toBe('i32');
  });

  it('leaves an integer unknown once it met code the pass cannot see (no i32 guess, no false panic)', () => {
    const k = kinds(
      'let k = 300;\nshow(k);\nlet z = k * 1000;\nlet w = mystery().len;\nlet q = w + 1;',
      'fn show<T: std::fmt::Display>(x: T) { println!("{}", x); }\nfn mystery() -> Thing { todo!() }\nstruct Thing { len: Gen }',
    );
    expect(k.get('k * 1000')).toBe('?');
    expect(k.get('w + 1')).toBe('?');
  });

  it('gives a known side its kind even when the other side is unknown', () => {
    const k = kinds(
      'let mut total: u64 = 0;\nlet x = opaque();\ntotal += x;\nlet y = total * opaque();',
      'fn opaque<T>() -> T { todo!() }',
    );
    expect(k.get('total += x')).toBe('u64');
    expect(k.get('total * opaque()')).toBe('u64');
  });

  it('infers closure parameters from the method they are passed to', () => {
    const k = kinds(
      'let v: Vec<u64> = vec![1, 2];\nlet h = v.iter().fold(0u64, |acc, x| acc.wrapping_mul(31) ^ x);\nlet d: Vec<u32> = v.iter().map(|x| *x as u32 * 2).collect();\nlet e = d[0] + 1;',
    );
    expect(k.get('acc.wrapping_mul(31)')).toBe('u64');
    expect(k.get('acc.wrapping_mul(31) ^ x')).toBe('u64');
    expect(k.get('*x as u32 * 2')).toBe('u32');
    expect(k.get('d[0] + 1')).toBe('u32');
  });

  it('types what collect() builds from the collection asked for', () => {
    const k = kinds('let v = (0..10).map(|i| i * 2).collect::<Vec<u64>>();\nlet s: u64 = v.iter().sum();');
    expect(k.get('i * 2')).toBe('u64');
    expect(k.get('v.iter().sum()')).toBe('u64');
  });

  it('shifts keep the left type; the amount is its own', () => {
    const k = kinds('let a = 1u64 << 63;\nlet b: u8 = 1;\nlet c = b << 7;');
    expect(k.get('1u64 << 63')).toBe('u64');
    expect(k.get('63')).toBe('i32');
    expect(k.get('b << 7')).toBe('u8');
  });

  it('carries types through channels, spawned tasks and awaits', () => {
    const k = kinds(
      'let (tx, mut rx) = tokio::sync::mpsc::channel::<u16>(4);\nlet h = tokio::spawn(async move { tx.send(7).await.unwrap(); 40 });\nwhile let Some(v) = rx.recv().await { let w = v + 1; }\nlet r = h.await.unwrap() + 2u8;',
    );
    expect(k.get('v + 1')).toBe('u16');
    expect(k.get('40')).toBe('u8');
  });
});
