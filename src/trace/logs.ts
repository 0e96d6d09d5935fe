/**
 * The two storage shapes under the trace index.
 *
 * - `EntityLog`: for each entity (a task, a future, a thread…), the values an attribute took and the step
 *   at which each was set. "The value at step s" is a binary search in that entity's entries.
 * - `FifoIntervals`: a queue's history (a run queue, a channel buffer). Each item is an interval
 *   [pushed, popped). Items leave in the order they entered, so the items present at step s are one
 *   contiguous range, found with two binary searches.
 *
 * Both use memory proportional to the events that feed them; neither ever copies a whole state.
 */
import { GrowableInt32 } from '../base';

/** A column a log does not use: reads as 0, like the default of `add`'s unused arguments. */
class NoColumn extends GrowableInt32 {
  constructor() {
    super(0);
  }
  override push(): number {
    return 0;
  }
  override get(): number {
    return 0;
  }
}

export class EntityLog {
  readonly step = new GrowableInt32();
  readonly a = new GrowableInt32();
  /** Only logs made with 2 or 3 columns store b (and 3, c); the others read 0. */
  readonly b: GrowableInt32;
  readonly c: GrowableInt32;
  /** Per entity: its last entry and how many it has. */
  private readonly last = new GrowableInt32();
  private readonly counts = new GrowableInt32();
  /**
   * Entries added since the last seal, each pointing at its entity's previous entry (a linked list in one
   * array); sealing folds them into `rows` and forgets the links, so they cost memory only while indexing.
   */
  private prev = new GrowableInt32();
  private sealedCount = 0;
  /**
   * Once sealed: entries grouped by entity (compressed rows), so a lookup is a binary search in one
   * contiguous run. Sealing is O(entries) and happens lazily, on the first query after new entries.
   * No per-entity JS arrays: a million small arrays would make every garbage collection slow.
   */
  private rows: Int32Array = new Int32Array(0);
  private offsets: Int32Array = new Int32Array(1);
  private sealed = true;

  constructor(readonly columns: 1 | 2 | 3 = 3) {
    this.b = columns >= 2 ? new GrowableInt32() : new NoColumn();
    this.c = columns >= 3 ? new GrowableInt32() : new NoColumn();
  }

  add(entity: number, step: number, a: number, b = 0, c = 0): number {
    if ((b !== 0 && this.columns < 2) || (c !== 0 && this.columns < 3))
      throw new Error(`an entity log of ${this.columns} column(s) was given more`);
    while (this.last.length <= entity) {
      this.last.push(-1);
      this.counts.push(0);
    }
    const e = this.step.push(step);
    this.a.push(a);
    this.b.push(b);
    this.c.push(c);
    this.prev.push(this.last.get(entity));
    this.last.set(entity, e);
    this.counts.set(entity, this.counts.get(entity) + 1);
    this.sealed = false;
    return e;
  }

  /** Groups entries by entity now (otherwise the first query after new entries does it). */
  seal(): void {
    if (this.sealed) return;
    const n = this.last.length;
    const old = this.offsets;
    const oldEntities = old.length - 1;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + this.counts.get(i);
    const rows = new Int32Array(this.step.length);
    const base = this.sealedCount;
    for (let ent = 0; ent < n; ent++) {
      // The entries already sealed keep their order; the new ones follow, in step order: walking the
      // linked list backwards fills the row from its end.
      if (ent < oldEntities) rows.set(this.rows.subarray(old[ent]!, old[ent + 1]!), offsets[ent]!);
      let pos = offsets[ent + 1]!;
      for (let e = this.last.get(ent); e >= base; e = this.prev.get(e - base)) rows[--pos] = e;
    }
    this.rows = rows;
    this.offsets = offsets;
    this.sealedCount = this.step.length;
    this.prev = new GrowableInt32();
    this.sealed = true;
  }

  /** Seals and gives the columns' unused capacity back (the trace is fully indexed for now). */
  compact(): void {
    this.seal();
    for (const col of [this.step, this.a, this.b, this.c, this.last, this.counts]) col.trim();
  }

  private range(entity: number): [number, number] {
    if (entity < 0 || entity >= this.last.length) return [0, 0];
    if (!this.sealed) this.seal();
    return [this.offsets[entity]!, this.offsets[entity + 1]!];
  }

  /** The last entry of `entity` at or before step `s`, or -1. */
  latest(entity: number, s: number): number {
    const [from, to] = this.range(entity);
    const rows = this.rows;
    let lo = from;
    let hi = to - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.step.get(rows[mid]!) <= s) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans < 0 ? -1 : rows[ans]!;
  }

  /** How many entries `entity` has at or before step `s`. */
  count(entity: number, s: number): number {
    const [from, to] = this.range(entity);
    const rows = this.rows;
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.step.get(rows[mid]!) <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo - from;
  }

  /** The entries of `entity`, in step order. */
  entries(entity: number): Int32Array {
    const [from, to] = this.range(entity);
    return this.rows.subarray(from, to);
  }

  get byteLength(): number {
    return (
      this.step.byteLength +
      this.a.byteLength +
      this.b.byteLength +
      this.c.byteLength +
      this.prev.byteLength +
      this.last.byteLength +
      this.counts.byteLength +
      this.rows.byteLength +
      this.offsets.byteLength
    );
  }
}

const OPEN = 0x7fffffff;

export class FifoIntervals {
  private readonly starts = new GrowableInt32();
  private readonly ends = new GrowableInt32();
  readonly items = new GrowableInt32();
  /** Index of the oldest entry still in the queue. */
  private head = 0;
  /** False once something left out of order: queries then scan (still correct, only slower). */
  private fifo = true;

  get size(): number {
    return this.starts.length - this.head;
  }

  push(step: number, item: number): void {
    this.starts.push(step);
    this.ends.push(OPEN);
    this.items.push(item);
  }

  /** Ends the oldest entry; returns its item or -1. */
  popFront(step: number): number {
    if (this.head >= this.starts.length) return -1;
    this.ends.set(this.head, step);
    return this.items.get(this.head++);
  }

  /** Ends the oldest entry holding `item` (usually the head). */
  remove(item: number, step: number): boolean {
    for (let i = this.head; i < this.starts.length; i++) {
      if (this.ends.get(i) !== OPEN || this.items.get(i) !== item) continue;
      if (i === this.head) {
        this.ends.set(i, step);
        this.head++;
        this.skipEnded();
      } else {
        this.ends.set(i, step);
        this.fifo = false;
      }
      return true;
    }
    return false;
  }

  /** Ends every entry (the queue was cleared or drained at once). */
  clear(step: number): void {
    for (let i = this.head; i < this.starts.length; i++)
      if (this.ends.get(i) === OPEN) this.ends.set(i, step);
    this.head = this.starts.length;
  }

  private skipEnded(): void {
    while (this.head < this.starts.length && this.ends.get(this.head) !== OPEN) this.head++;
  }

  /** Items present after step `s` (oldest first), at most `limit` of them, and how many there are. */
  at(s: number, limit: number): { items: number[]; total: number } {
    // Entries pushed at or before s: a prefix of the arrays.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts.get(mid) <= s) lo = mid + 1;
      else hi = mid;
    }
    const pushed = lo;
    const items: number[] = [];
    if (!this.fifo) {
      let total = 0;
      for (let i = 0; i < pushed; i++) {
        if (this.ends.get(i) > s) {
          total++;
          if (items.length < limit) items.push(this.items.get(i));
        }
      }
      return { items, total };
    }
    // FIFO: the entries still present are those after the last one that left at or before s.
    lo = 0;
    hi = pushed;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends.get(mid) <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < pushed && items.length < limit; i++) items.push(this.items.get(i));
    return { items, total: pushed - lo };
  }

  /** Gives the columns' unused capacity back. */
  compact(): void {
    this.starts.trim();
    this.ends.trim();
    this.items.trim();
  }

  get byteLength(): number {
    return this.starts.byteLength + this.ends.byteLength + this.items.byteLength;
  }
}
