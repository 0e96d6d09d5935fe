/**
 * tokio's `FastRand` (`util/rand.rs`): xorshift on two u32 words. The simulator draws every choice that is
 * random in tokio (steal victim, `select!` start branch, ties between threads at the same machine time)
 * from one of these, seeded from the run's seed, so a run is reproducible from (source, config, seed).
 */
export class FastRand {
  private one: number;
  private two: number;

  constructor(one: number, two: number) {
    this.one = one >>> 0;
    // tokio's RngSeed::from_u64 replaces a zero second word with 1 (xorshift would be stuck at zero).
    this.two = two >>> 0 || 1;
  }

  /** tokio's `RngSeed::from_u64`: high word, low word. */
  static fromSeed(seed: number): FastRand {
    const s = Math.trunc(Math.abs(seed)) % 2 ** 53;
    return new FastRand(Math.floor(s / 2 ** 32), s % 2 ** 32);
  }

  /** A u32. */
  next(): number {
    let s1 = this.one;
    const s0 = this.two;
    s1 = (s1 ^ (s1 << 17)) >>> 0;
    s1 = (s1 ^ s0 ^ (s1 >>> 7) ^ (s0 >>> 16)) >>> 0;
    this.one = s0;
    this.two = s1;
    return (s0 + s1) >>> 0;
  }

  /** `fastrand_n(n) = (rand as u64 * n) >> 32`: a number in `0..n`. */
  nextN(n: number): number {
    // r * n can reach 2^64, beyond float64's exact integers: split n into 16-bit halves and carry by hand.
    const r = this.next();
    const nHigh = Math.floor(n / 65536);
    const nLow = n % 65536;
    const a = r * nHigh; // < 2^48, exact
    const b = r * nLow; // < 2^48, exact
    const aHigh = Math.floor(a / 65536);
    const aLow = a % 65536;
    // r * n = aHigh * 2^32 + aLow * 2^16 + b
    return aHigh + Math.floor((aLow * 65536 + b) / 2 ** 32);
  }

  /** tokio's `RngSeedGenerator::next_seed`: a new independent generator. */
  fork(): FastRand {
    const s = this.next();
    const r = this.next();
    return new FastRand(s, r);
  }
}
