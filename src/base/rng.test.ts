import { describe, expect, it } from 'vitest';
import { FastRand } from './rng';

// Reference values computed with tokio 1.24's FastRand algorithm (util/rand.rs) in u32/u64 arithmetic.
function reference(one: number, two: number, count: number, n?: number): number[] {
  let s1 = BigInt(one);
  let s0 = BigInt(two);
  const out: number[] = [];
  const mask = 0xffffffffn;
  for (let i = 0; i < count; i++) {
    let x = s1;
    const y = s0;
    x = (x ^ (x << 17n)) & mask;
    x = (x ^ y ^ (x >> 7n) ^ (y >> 16n)) & mask;
    s1 = y;
    s0 = x;
    const r = (y + x) & mask;
    out.push(n === undefined ? Number(r) : Number((r * BigInt(n)) >> 32n));
  }
  return out;
}

describe('FastRand', () => {
  it('matches tokio xorshift', () => {
    const rng = new FastRand(0x12345678, 0x9abcdef0);
    expect(Array.from({ length: 50 }, () => rng.next())).toEqual(reference(0x12345678, 0x9abcdef0, 50));
  });

  it('fastrand_n matches (r * n) >> 32 exactly, also for large n', () => {
    for (const n of [1, 2, 3, 7, 61, 65536, 70000, 0xfffffff1]) {
      const rng = new FastRand(7, 11);
      expect(Array.from({ length: 200 }, () => rng.nextN(n))).toEqual(reference(7, 11, 200, n));
    }
  });

  it('never sticks at zero', () => {
    const rng = new FastRand(0, 0);
    expect(rng.next()).not.toBe(0);
  });
});
