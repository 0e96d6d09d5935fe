/**
 * Append-only typed arrays that double when full: the storage under the trace's indexes. Reading past
 * `length` is a bug; `view()` returns the used part without copying.
 */
export class GrowableInt32 {
  private buf: Int32Array;
  length = 0;

  constructor(capacity = 16) {
    this.buf = new Int32Array(capacity);
  }

  push(v: number): number {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.buf[i]!;
  }

  set(i: number, v: number): void {
    this.buf[i] = v;
  }

  /** Drops the unused capacity (a later push grows it again). */
  trim(): void {
    if (this.buf.length > this.length) this.buf = this.buf.slice(0, Math.max(1, this.length));
  }

  view(): Int32Array {
    return this.buf.subarray(0, this.length);
  }

  get byteLength(): number {
    return this.buf.byteLength;
  }
}

export class GrowableFloat64 {
  private buf: Float64Array;
  length = 0;

  constructor(capacity = 16) {
    this.buf = new Float64Array(capacity);
  }

  push(v: number): number {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.buf[i]!;
  }

  set(i: number, v: number): void {
    this.buf[i] = v;
  }

  /** Drops the unused capacity (a later push grows it again). */
  trim(): void {
    if (this.buf.length > this.length) this.buf = this.buf.slice(0, Math.max(1, this.length));
  }

  get byteLength(): number {
    return this.buf.byteLength;
  }
}

/** Index of the last element of the sorted prefix `a[0..n)` that is <= x, or -1. */
export function lastAtOrBefore(a: { get(i: number): number }, n: number, x: number): number {
  let lo = 0;
  let hi = n - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.get(mid) <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}
