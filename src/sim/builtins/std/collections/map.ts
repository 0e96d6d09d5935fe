/**
 * What `HashMap` and `BTreeMap` share (std/collections/hash/map.rs, alloc/collections/btree/map.rs): the
 * value class over a `Table`, its Drop / Clone / `==` / `{:?}` protocols, how it iterates, and the methods
 * with the same meaning on both — `insert` returning the old value, `get`, `get_mut`, `entry`, `remove`,
 * `retain`, `extend`, `m[&k]`, `keys` / `values` / `iter` / `into_iter` / `drain`. The hash map's
 * iteration records the `hash-order` lint (hash-key.ts).
 */
import type { Type } from '../../../../lang/ast';
import { debug } from '../../../format';
import { cloneValue } from '../../../interp/clone';
import type { InterpCore } from '../../../interp/core';
import { DONE, pull, type RIter } from '../../../interp/iter-protocol';
import { ListIter } from '../../../interp/iter-sources';
import { intoIter, registerIntoIter } from '../../../interp/iterate';
import { equals } from '../../../interp/ops';
import { defineMethods, type CallCtx, type MethodImpl } from '../../../interp/registry';
import type { Gen, NativeResult } from '../../../poll';
import {
  deref,
  isCopy,
  NONE,
  RObject,
  RRef,
  RTuple,
  some,
  typeNameOf,
  UNIT,
  type Place,
  type Value,
} from '../../../values';
import type { World } from '../../../world';
import { REntry } from './entry';
import { noteHashOrder } from './hash-key';
import { HashTable, KeyPlace, ValuePlace, type Entry, type Table } from './table';

/** A shared or mutable reference to a key or value of an entry (Copy values are themselves when shared). */
export function entryRef(e: Entry, which: 'key' | 'value', mut: boolean): Value {
  const v = which === 'key' ? e.key : e.value;
  if (!mut && isCopy(v)) return v;
  return new RRef(which === 'key' ? new KeyPlace(e) : new ValuePlace(e), mut);
}

export abstract class RMap extends RObject {
  private dropped = false;
  /** The declared value type (`HashMap<K, V>` in a `let` or a field), for `or_default()`. */
  valueType: Type | null = null;
  constructor(
    readonly world: World,
    readonly table: Table,
  ) {
    super();
  }
  abstract readonly kind: 'HashMap' | 'BTreeMap';
  abstract make(table: Table): RMap;

  typeName(): string {
    const first = this.table.entries()[0];
    return first
      ? `${this.kind}<${typeNameOf(first.key)}, ${typeNameOf(first.value)}>`
      : `${this.kind}<_, _>`;
  }

  /** The entries in iteration order; for a hash map, noting that output may now depend on it. */
  ordered(what: string): readonly Entry[] {
    const es = this.table.entries();
    if (this.table instanceof HashTable) noteHashOrder(this.world, what, es.length);
    return es;
  }

  dropValue(interp: InterpCore): void {
    if (this.dropped) return;
    this.dropped = true;
    for (const e of this.table.entries()) {
      interp.dropValue(e.key);
      interp.dropValue(e.value);
    }
  }

  cloneValue(world: World): Value {
    const cx = world.interp as InterpCore;
    const t = this.table.emptyLike();
    for (const e of this.table.entries())
      t.add(cx, { key: cloneValue(cx, e.key), value: cloneValue(cx, e.value) });
    const m = this.make(t);
    m.valueType = this.valueType;
    return m;
  }

  equals(other: unknown): boolean {
    if (!(other instanceof RMap) || other.table.size !== this.table.size) return false;
    const cx = this.world.interp as InterpCore;
    return this.table.entries().every((e) => {
      const o = other.table.find(cx, e.key);
      return o !== undefined && equals(e.value, o.value);
    });
  }

  fmtDebug(pretty: boolean, indent = '', precision: number | null = null): string {
    const es = this.ordered(`\`{:?}\` of a ${this.kind}`);
    if (es.length === 0) return '{}';
    if (!pretty)
      return `{${es.map((e) => `${debug(e.key, false, precision)}: ${debug(e.value, false, precision)}`).join(', ')}}`;
    const inner = indent + '    ';
    return `{\n${es.map((e) => `${inner}${debug(e.key, true, precision, inner)}: ${debug(e.value, true, precision, inner)},\n`).join('')}${indent}}`;
  }

  /** `m[&k]`: the value's place, or Rust's panic for a missing key. */
  indexPlace(cx: InterpCore, key: Value): Place {
    const e = this.table.find(cx, key);
    if (!e) return cx.panic('no entry found for key');
    return new ValuePlace(e);
  }

  /** Inserts or replaces; returns the old value (the old key stays, as in std). */
  insert(cx: InterpCore, key: Value, value: Value): Value | undefined {
    const e = this.table.find(cx, key);
    if (e) {
      const old = e.value;
      e.value = value;
      cx.dropValue(key);
      return old;
    }
    this.table.add(cx, { key, value });
    return undefined;
  }
}

function mapOf(self: Value): RMap {
  return deref(self) as RMap;
}

/** Tuples of references `(&K, &V)` / `(&K, &mut V)`, one per entry, in iteration order. */
function pairs(m: RMap, mut: boolean, what: string): RIter {
  return new ListIter(
    m.ordered(what).map((e) => new RTuple([entryRef(e, 'key', false), entryRef(e, 'value', mut)])),
    mut ? 'IterMut' : 'Iter',
    false,
  );
}

/** Moves every entry out of the map (`into_iter`, `drain`), leaving it empty. */
function takeAll(m: RMap, what: string): Entry[] {
  const es = [...m.ordered(what)];
  m.table.clear();
  return es;
}

registerIntoIter(RMap, (_cx, v, mode) => {
  const m = v as RMap;
  if (mode === 'value')
    return new ListIter(
      takeAll(m, 'iterating a HashMap').map((e) => new RTuple([e.key, e.value])),
      'IntoIter',
    );
  return pairs(m, mode === 'mut', 'iterating a HashMap');
});

/** `extend(iter of (K, V))` / `FromIterator`: inserts pairs in order, later ones replacing earlier. */
export function* extendPairs(cx: InterpCore, m: RMap, src: RIter): Gen<Value> {
  for (;;) {
    const p = yield* pull(cx, src);
    if (p === DONE) return UNIT;
    const t = deref(p);
    if (!(t instanceof RTuple) || t.items.length !== 2)
      return cx.unsupported(`a ${m.kind} is built from (key, value) pairs`);
    const old = m.insert(cx, t.items[0]!, t.items[1]!);
    if (old !== undefined) cx.dropValue(old);
  }
}

/** Inserts pairs from a list (`from([(k, v), ..])`, `collect()`). */
export function insertPairs(cx: InterpCore, m: RMap, items: Value[]): RMap {
  for (const p of items) {
    const t = deref(p);
    if (!(t instanceof RTuple) || t.items.length !== 2)
      return cx.unsupported(`a ${m.kind} is built from (key, value) pairs`);
    const old = m.insert(cx, t.items[0]!, t.items[1]!);
    if (old !== undefined) cx.dropValue(old);
  }
  return m;
}

const optRef = (e: Entry | undefined, mut: boolean): Value => (e ? some(entryRef(e, 'value', mut)) : NONE);

export const MAP_METHODS: Record<string, MethodImpl> = {
  len: (_c, s) => mapOf(s).table.size,
  is_empty: (_c, s) => mapOf(s).table.size === 0,
  capacity: (_c, s) => mapOf(s).table.size,
  reserve: () => UNIT,
  shrink_to_fit: () => UNIT,
  insert: (ctx, s, [k, v]) => {
    const old = mapOf(s).insert(ctx.interp, k!, v!);
    return old === undefined ? NONE : some(old);
  },
  get: (ctx, s, [k]) => optRef(mapOf(s).table.find(ctx.interp, k!), false),
  get_mut: (ctx, s, [k]) => optRef(mapOf(s).table.find(ctx.interp, k!), true),
  get_key_value: (ctx, s, [k]) => {
    const e = mapOf(s).table.find(ctx.interp, k!);
    return e ? some(new RTuple([entryRef(e, 'key', false), entryRef(e, 'value', false)])) : NONE;
  },
  contains_key: (ctx, s, [k]) => mapOf(s).table.find(ctx.interp, k!) !== undefined,
  remove: (ctx, s, [k]) => {
    const e = mapOf(s).table.delete(ctx.interp, k!);
    if (!e) return NONE;
    ctx.interp.dropValue(e.key);
    return some(e.value);
  },
  remove_entry: (ctx, s, [k]) => {
    const e = mapOf(s).table.delete(ctx.interp, k!);
    return e ? some(new RTuple([e.key, e.value])) : NONE;
  },
  clear: (ctx, s) => {
    for (const e of takeAll(mapOf(s), 'clear')) {
      ctx.interp.dropValue(e.key);
      ctx.interp.dropValue(e.value);
    }
    return UNIT;
  },
  entry: (_ctx, s, [k]) => new REntry(mapOf(s), k!),
  keys: (_c, s) =>
    new ListIter(
      mapOf(s)
        .ordered('`keys()` of a HashMap')
        .map((e) => entryRef(e, 'key', false)),
      'Keys',
      false,
    ),
  values: (_c, s) =>
    new ListIter(
      mapOf(s)
        .ordered('`values()` of a HashMap')
        .map((e) => entryRef(e, 'value', false)),
      'Values',
      false,
    ),
  values_mut: (_c, s) =>
    new ListIter(
      mapOf(s)
        .ordered('`values_mut()` of a HashMap')
        .map((e) => entryRef(e, 'value', true)),
      'ValuesMut',
      false,
    ),
  iter: (_c, s) => pairs(mapOf(s), false, '`iter()` of a HashMap'),
  iter_mut: (_c, s) => pairs(mapOf(s), true, '`iter_mut()` of a HashMap'),
  into_iter: (ctx, s) => {
    if (s instanceof RRef) return pairs(mapOf(s), s.mut, '`into_iter()` of a HashMap');
    ctx.consume();
    return new ListIter(
      takeAll(mapOf(s), '`into_iter()` of a HashMap').map((e) => new RTuple([e.key, e.value])),
      'IntoIter',
    );
  },
  into_keys: (ctx, s) => {
    ctx.consume();
    const es = takeAll(mapOf(s), '`into_keys()` of a HashMap');
    for (const e of es) ctx.interp.dropValue(e.value);
    return new ListIter(
      es.map((e) => e.key),
      'IntoKeys',
    );
  },
  into_values: (ctx, s) => {
    ctx.consume();
    const es = takeAll(mapOf(s), '`into_values()` of a HashMap');
    for (const e of es) ctx.interp.dropValue(e.key);
    return new ListIter(
      es.map((e) => e.value),
      'IntoValues',
    );
  },
  drain: (_c, s) =>
    new ListIter(
      takeAll(mapOf(s), '`drain()` of a HashMap').map((e) => new RTuple([e.key, e.value])),
      'Drain',
    ),
  retain: (ctx, s, [f]) => retain(ctx, mapOf(s), f!),
  extend: (ctx, s, [src]) => extendPairs(ctx.interp, mapOf(s), intoIter(ctx.interp, src!)),
};

/** `retain(|k, v| keep)`: visits entries in iteration order, dropping those the closure rejects. */
function retain(ctx: CallCtx, m: RMap, f: Value): NativeResult {
  const cx = ctx.interp;
  return (function* () {
    for (const e of [...m.ordered('`retain` on a HashMap')]) {
      let keep = cx.callValue(f, [entryRef(e, 'key', false), entryRef(e, 'value', true)], ctx.span);
      if (typeof keep === 'object' && keep !== null && 'next' in keep && !(keep instanceof RObject))
        keep = yield* keep as Gen<Value>;
      if (deref(keep as Value) !== true) {
        m.table.delete(cx, e.key);
        cx.dropValue(e.key);
        cx.dropValue(e.value);
      }
    }
    return UNIT;
  })();
}

defineMethods(RMap, 'std::collections::HashMap / std::collections::BTreeMap', MAP_METHODS);
