/**
 * The storage under the maps and sets: entries (a key and a value; sets use `()` values, as
 * `HashSet<T>` is `HashMap<T, ()>` in std) kept either by structural hash with a seeded iteration order
 * (`HashTable`, hash-key.ts) or sorted by Rust's `Ord` on the keys (`BTreeTable`).
 */
import type { InterpCore } from '../../../interp/core';
import { compare } from '../../../interp/ops';
import type { Place, Value } from '../../../values';
import { keyOf, seededHash } from './hash-key';

export interface Entry {
  key: Value;
  value: Value;
}

/** The place of an entry's value (`get_mut`, `entry(..).or_insert(..)`, `m[&k]`). */
export class ValuePlace implements Place {
  constructor(readonly entry: Entry) {}
  get(): Value {
    return this.entry.value;
  }
  set(v: Value): void {
    this.entry.value = v;
  }
}

/** The place of an entry's key (read-only in Rust). */
export class KeyPlace implements Place {
  constructor(readonly entry: Entry) {}
  get(): Value {
    return this.entry.key;
  }
  set(v: Value): void {
    this.entry.key = v;
  }
}

export abstract class Table {
  abstract find(cx: InterpCore, key: Value): Entry | undefined;
  /** Inserts a new entry; the caller checked that the key is absent. */
  abstract add(cx: InterpCore, e: Entry): void;
  abstract delete(cx: InterpCore, key: Value): Entry | undefined;
  /** The entries in iteration order. */
  abstract entries(): readonly Entry[];
  abstract get size(): number;
  abstract clear(): void;
  /** An empty table of the same kind (a hash table keeps its seed, as a cloned `RandomState` does). */
  abstract emptyLike(): Table;
}

/** Entries by structural key; iteration in the order of a seeded hash of the keys. */
export class HashTable extends Table {
  private readonly map = new Map<string, Entry & { h: number }>();
  private order: Entry[] | null = null;
  constructor(readonly seed: number) {
    super();
  }
  find(cx: InterpCore, key: Value): Entry | undefined {
    return this.map.get(keyOf(cx, key));
  }
  add(cx: InterpCore, e: Entry): void {
    const k = keyOf(cx, e.key);
    const stored = e as Entry & { h: number };
    stored.h = seededHash(this.seed, k);
    this.map.set(k, stored);
    this.order = null;
  }
  delete(cx: InterpCore, key: Value): Entry | undefined {
    const k = keyOf(cx, key);
    const e = this.map.get(k);
    if (e) {
      this.map.delete(k);
      this.order = null;
    }
    return e;
  }
  entries(): readonly Entry[] {
    if (!this.order) this.order = [...this.map.values()].sort((a, b) => a.h - b.h);
    return this.order;
  }
  get size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
    this.order = null;
  }
  emptyLike(): Table {
    return new HashTable(this.seed);
  }
}

/** Entries sorted by key (Rust's `Ord`), found by binary search. */
export class BTreeTable extends Table {
  private readonly items: Entry[] = [];
  /** Index of the first entry whose key is >= `key`, and whether it is equal. */
  search(cx: InterpCore, key: Value): [number, boolean] {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compare(this.items[mid]!.key, key, (m) => cx.panic(m));
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid;
      else return [mid, true];
    }
    return [lo, false];
  }
  find(cx: InterpCore, key: Value): Entry | undefined {
    const [i, eq] = this.search(cx, key);
    return eq ? this.items[i] : undefined;
  }
  add(cx: InterpCore, e: Entry): void {
    const [i] = this.search(cx, e.key);
    this.items.splice(i, 0, e);
  }
  delete(cx: InterpCore, key: Value): Entry | undefined {
    const [i, eq] = this.search(cx, key);
    return eq ? this.items.splice(i, 1)[0] : undefined;
  }
  entries(): readonly Entry[] {
    return this.items;
  }
  /** Removes and returns the entry at an index (`pop_first`, `pop_last`). */
  removeAt(i: number): Entry | undefined {
    return this.items.splice(i, 1)[0];
  }
  get size(): number {
    return this.items.length;
  }
  clear(): void {
    this.items.length = 0;
  }
  emptyLike(): Table {
    return new BTreeTable();
  }
}
