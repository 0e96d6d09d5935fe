/** The campaign's seeded choices (tokio's xorshift from src/base): the same seed makes the same programs. */
import { FastRand } from '../../src/base';

export class Rng {
  private readonly r: FastRand;
  constructor(seed: number) {
    this.r = FastRand.fromSeed(seed);
  }
  /** An integer in `lo..=hi`. */
  int(lo: number, hi: number): number {
    return lo + this.r.nextN(hi - lo + 1);
  }
  /** An index into a list of `n` things. */
  below(n: number): number {
    return this.r.nextN(n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.r.nextN(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r.next() / 2 ** 32 < p;
  }
  /** A number spread over orders of magnitude: small ones often, huge ones sometimes. */
  size(maxPow10: number): number {
    const p = this.int(0, maxPow10);
    return this.int(0, 10 ** p);
  }
  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    const total = xs.reduce((n, [w]) => n + w, 0);
    let k = this.r.nextN(total);
    for (const [w, x] of xs) {
      if (k < w) return x;
      k -= w;
    }
    return xs[xs.length - 1]![1];
  }
}
