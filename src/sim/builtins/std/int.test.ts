/**
 * Integer overflow and the integer methods' panics, run through the simulator and compared with rustc:
 * `../../testdata/overflow.rs` evaluates the same expressions under `catch_unwind` and
 * `overflow.stdout` holds the panic messages rustc 1.95 (overflow checks on) printed, one per line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../simulate';

const rust = readFileSync(new URL('../../testdata/overflow.stdout', import.meta.url), 'utf8').split('\n');

/** Each case of overflow.rs, in order: the items it needs and the expression. */
const CASES: [string, string][] = [
  ['fn f(a: u8, b: u8) -> u8 { a + b }', 'f(200, 56)'],
  ['fn f(a: u32, b: u32) -> u32 { a - b }', 'f(3, 4)'],
  ['fn f(a: i64, b: i64) -> i64 { a * b }', 'f(i64::MAX, 2)'],
  ['fn f(a: i32) -> i32 { -a }', 'f(i32::MIN)'],
  ['fn f(a: i32, b: i32) -> i32 { a / b }', 'f(1, 0)'],
  ['fn f(a: i32, b: i32) -> i32 { a / b }', 'f(i32::MIN, -1)'],
  ['fn f(a: u64, b: u64) -> u64 { a % b }', 'f(7, 0)'],
  ['fn f(a: i8, b: i8) -> i8 { a % b }', 'f(i8::MIN, -1)'],
  ['fn f(a: u32, b: u32) -> u32 { a << b }', 'f(1, 32)'],
  ['fn f(a: i64, b: u32) -> i64 { a >> b }', 'f(1, 64)'],
  ['fn f(a: u16, e: u32) -> u16 { a.pow(e) }', 'f(2, 16)'],
  ['fn f(a: i8) -> i8 { a.abs() }', 'f(-128)'],
  ['fn f(a: i32, b: i32) -> i32 { a.rem_euclid(b) }', 'f(5, 0)'],
  ['fn f(a: i32, b: i32) -> i32 { a.div_euclid(b) }', 'f(5, 0)'],
  ['fn f(a: i32, b: i32) -> i32 { a.div_euclid(b) }', 'f(i32::MIN, -1)'],
  ['fn f(a: i32, lo: i32, hi: i32) -> i32 { a.clamp(lo, hi) }', 'f(3, 5, 1)'],
  ['fn f(a: f64, lo: f64, hi: f64) -> f64 { a.clamp(lo, hi) }', 'f(1.0, 5.0, 1.0)'],
  ['fn f(a: u8) -> u8 { a.next_power_of_two() }', 'f(200)'],
  ['fn f(a: u32) -> u32 { a.ilog2() }', 'f(0)'],
  ['fn f(r: u32) -> u8 { u8::from_str_radix("1", r).unwrap() }', 'f(37)'],
  ['fn f(v: Vec<u8>) -> u8 { v.iter().sum() }', 'f(vec![250, 10])'],
  ['fn f(v: Vec<u8>) -> u8 { v.iter().product() }', 'f(vec![16, 16])'],
];

describe('integer overflow panics as under cargo run', () => {
  CASES.forEach(([items, expr], i) => {
    it(`${expr} panics with "${rust[i]}"`, () => {
      const src = `${items}\n#[tokio::main(flavor = "current_thread")]\nasync fn main() {\n    println!("{}", ${expr});\n}\n`;
      const r = simulate(src);
      expect(r.outcome.kind, r.outcome.message).toBe('panicked');
      expect(r.stderr).toContain(`\n${rust[i]}\n`);
    });
  });

  it('does not panic where the pass could not see the type (a generic fn), and stays exact', () => {
    const src = `fn double<T: std::ops::Add<Output = T> + Copy>(x: T) -> T { x + x }
#[tokio::main(flavor = "current_thread")]
async fn main() {
    println!("{} {}", double(u64::MAX / 2), double(9_007_199_254_740_993u64));
}
`;
    const r = simulate(src);
    expect(r.outcome.kind, r.outcome.message).toBe('completed');
    expect(r.stdout).toBe(`${2n ** 64n - 2n} ${9_007_199_254_740_993n * 2n}\n`);
  });
});
