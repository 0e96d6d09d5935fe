/**
 * What `HashSet` and `BTreeSet` share (std's sets are maps to `()`): the value class, Drop / Clone / `==` /
 * `{:?}`, iteration, `insert` returning whether the item was new, `contains`, `remove`, `take`, `retain`,
 * `extend`, and the set algebra (`union`, `intersection`, `difference`, `symmetric_difference` as
 * iterators of references, in std's order; `is_subset`, `is_superset`, `is_disjoint`).
 */
import { debug } from '../../../format';
import { cloneValue } from '../../../interp/clone';
import type { InterpCore } from '../../../interp/core';
import { callFn, DONE, pull, run, type RIter } from '../../../interp/iter-protocol';
import { ListIter } from '../../../interp/iter-sources';
import { intoIter, registerIntoIter } from '../../../interp/iterate';
import { compare } from '../../../interp/ops';
import { defineMethods, type MethodImpl } from '../../../interp/registry';
import type { Gen } from '../../../poll';
import { deref, NONE, RObject, RRef, some, typeNameOf, UNIT, type Value } from '../../../values';
import type { World } from '../../../world';
import { noteHashOrder } from './hash-key';
import { BTreeTable, HashTable, KeyPlace, type Entry, type Table } from './table';

export abstract class RSet extends RObject {
  private dropped = false;
  constructor(
    readonly world: World,
    readonly table: Table,
  ) {
    super();
  }
  abstract readonly kind: 'HashSet' | 'BTreeSet';
  abstract make(table: Table): RSet;

  typeName(): string {
    const first = this.table.entries()[0];
    return `${this.kind}<${first ? typeNameOf(first.key) : '_'}>`;
  }

  ordered(what: string): readonly Entry[] {
    const es = this.table.entries();
    if (this.table instanceof HashTable) noteHashOrder(this.world, what, es.length);
    return es;
  }

  /** Adds an item; false (and the item dropped) if an equal one is there already. */
  add(cx: InterpCore, v: Value): boolean {
    if (this.table.find(cx, v)) {
      cx.dropValue(v);
      return false;
    }
    this.table.add(cx, { key: v, value: UNIT });
    return true;
  }

  has(cx: InterpCore, v: Value): boolean {
    return this.table.find(cx, v) !== undefined;
  }

  dropValue(interp: InterpCore): void {
    if (this.dropped) return;
    this.dropped = true;
    for (const e of this.table.entries()) interp.dropValue(e.key);
  }

  cloneValue(world: World): Value {
    const cx = world.interp as InterpCore;
    const t = this.table.emptyLike();
    for (const e of this.table.entries()) t.add(cx, { key: cloneValue(cx, e.key), value: UNIT });
    return this.make(t);
  }

  equals(other: unknown): boolean {
    if (!(other instanceof RSet) || other.table.size !== this.table.size) return false;
    const cx = this.world.interp as InterpCore;
    return this.table.entries().every((e) => other.has(cx, e.key));
  }

  fmtDebug(pretty: boolean, indent = '', precision: number | null = null): string {
    const es = this.ordered(`\`{:?}\` of a ${this.kind}`);
    if (es.length === 0) return '{}';
    if (!pretty) return `{${es.map((e) => debug(e.key, false, precision)).join(', ')}}`;
    const inner = indent + '    ';
    return `{\n${es.map((e) => `${inner}${debug(e.key, true, precision, inner)},\n`).join('')}${indent}}`;
  }
}

function setOf(v: Value): RSet {
  return deref(v) as RSet;
}

/** A shared reference to an item (the item itself when it is Copy). */
export function itemRef(e: Entry): Value {
  const v = e.key;
  return typeof v !== 'object' || v.isCopy() ? v : new RRef(new KeyPlace(e), false);
}

function refs(es: readonly Entry[], label: string): RIter {
  return new ListIter(es.map(itemRef), label, false);
}

function takeAll(s: RSet, what: string): Value[] {
  const items = s.ordered(what).map((e) => e.key);
  s.table.clear();
  return items;
}

registerIntoIter(RSet, (_cx, v, mode) => {
  const s = v as RSet;
  if (mode === 'value') return new ListIter(takeAll(s, 'iterating a HashSet'), 'IntoIter');
  return refs(s.ordered('iterating a HashSet'), 'Iter');
});

/** Sorted by key for a BTreeSet (whose algebra merges in order), as they are for a HashSet. */
function inOrder(cx: InterpCore, s: RSet, es: Entry[]): Entry[] {
  if (!(s.table instanceof BTreeTable)) return es;
  return es.sort((a, b) => compare(a.key, b.key, (m) => cx.panic(m)));
}

/** The set operand of `union` & co. (`&other`). */
function other(cx: InterpCore, v: Value, self: RSet): RSet {
  const o = deref(v);
  if (o instanceof RSet) return o;
  return cx.unsupported(`expected a ${self.kind} here`);
}

export function* extendSet(cx: InterpCore, s: RSet, src: RIter): Gen<Value> {
  for (;;) {
    const v = yield* pull(cx, src);
    if (v === DONE) return UNIT;
    s.add(cx, v);
  }
}

export const SET_METHODS: Record<string, MethodImpl> = {
  len: (_c, s) => setOf(s).table.size,
  is_empty: (_c, s) => setOf(s).table.size === 0,
  capacity: (_c, s) => setOf(s).table.size,
  reserve: () => UNIT,
  insert: (ctx, s, [v]) => setOf(s).add(ctx.interp, v!),
  replace: (ctx, s, [v]) => {
    const set = setOf(s);
    const old = set.table.delete(ctx.interp, v!);
    set.table.add(ctx.interp, { key: v!, value: UNIT });
    return old ? some(old.key) : NONE;
  },
  contains: (ctx, s, [v]) => setOf(s).has(ctx.interp, v!),
  get: (ctx, s, [v]) => {
    const e = setOf(s).table.find(ctx.interp, v!);
    return e ? some(itemRef(e)) : NONE;
  },
  remove: (ctx, s, [v]) => {
    const e = setOf(s).table.delete(ctx.interp, v!);
    if (e) ctx.interp.dropValue(e.key);
    return e !== undefined;
  },
  take: (ctx, s, [v]) => {
    const e = setOf(s).table.delete(ctx.interp, v!);
    return e ? some(e.key) : NONE;
  },
  clear: (ctx, s) => {
    for (const x of takeAll(setOf(s), 'clear')) ctx.interp.dropValue(x);
    return UNIT;
  },
  iter: (_c, s) => refs(setOf(s).ordered('`iter()` of a HashSet'), 'Iter'),
  into_iter: (ctx, s) => {
    if (s instanceof RRef) return refs(setOf(s).ordered('`into_iter()` of a HashSet'), 'Iter');
    ctx.consume();
    return new ListIter(takeAll(setOf(s), '`into_iter()` of a HashSet'), 'IntoIter');
  },
  drain: (_c, s) => new ListIter(takeAll(setOf(s), '`drain()` of a HashSet'), 'Drain'),
  retain: (ctx, s, [f]) => {
    const cx = ctx.interp;
    const set = setOf(s);
    return (function* () {
      for (const e of [...set.ordered('`retain` on a HashSet')]) {
        if (deref(yield* run(callFn(cx, f!, [itemRef(e)]))) !== true) {
          set.table.delete(cx, e.key);
          cx.dropValue(e.key);
        }
      }
      return UNIT;
    })();
  },
  extend: (ctx, s, [src]) => extendSet(ctx.interp, setOf(s), intoIter(ctx.interp, src!)),
  /** `self.iter().chain(other.difference(self))` (hash/set.rs `union`). */
  union: (ctx, s, [o]) => {
    const a = setOf(s);
    const b = other(ctx.interp, o!, a);
    const es = [
      ...a.ordered('`union` of HashSets'),
      ...b.ordered('`union` of HashSets').filter((e) => !a.has(ctx.interp, e.key)),
    ];
    return refs(inOrder(ctx.interp, a, es), 'Union');
  },
  /** Iterates the smaller set, keeping what the larger one contains (hash/set.rs `intersection`). */
  intersection: (ctx, s, [o]) => {
    const a = setOf(s);
    const b = other(ctx.interp, o!, a);
    const [small, large] = a.table.size <= b.table.size ? [a, b] : [b, a];
    const es = small.ordered('`intersection` of HashSets').filter((e) => large.has(ctx.interp, e.key));
    return refs(inOrder(ctx.interp, a, [...es]), 'Intersection');
  },
  difference: (ctx, s, [o]) => {
    const a = setOf(s);
    const b = other(ctx.interp, o!, a);
    return refs(
      a.ordered('`difference` of HashSets').filter((e) => !b.has(ctx.interp, e.key)),
      'Difference',
    );
  },
  symmetric_difference: (ctx, s, [o]) => {
    const a = setOf(s);
    const b = other(ctx.interp, o!, a);
    const es = [
      ...a.ordered('`symmetric_difference` of HashSets').filter((e) => !b.has(ctx.interp, e.key)),
      ...b.ordered('`symmetric_difference` of HashSets').filter((e) => !a.has(ctx.interp, e.key)),
    ];
    return refs(inOrder(ctx.interp, a, es), 'SymmetricDifference');
  },
  is_subset: (ctx, s, [o]) => {
    const a = setOf(s);
    const b = other(ctx.interp, o!, a);
    return a.table.entries().every((e) => b.has(ctx.interp, e.key));
  },
  is_superset: (ctx, s, [o]) => {
    const a = setOf(s);
    const b = other(ctx.interp, o!, a);
    return b.table.entries().every((e) => a.has(ctx.interp, e.key));
  },
  is_disjoint: (ctx, s, [o]) => {
    const a = setOf(s);
    const b = other(ctx.interp, o!, a);
    return a.table.entries().every((e) => !b.has(ctx.interp, e.key));
  },
};

defineMethods(RSet, 'std::collections::HashSet / std::collections::BTreeSet', SET_METHODS);
