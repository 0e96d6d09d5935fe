/**
 * `BTreeMap` and `BTreeSet` (alloc/collections/btree): ordered by Rust's `Ord` on the keys, so iteration
 * and `{:?}` are sorted; plus what only ordered collections have — `first_key_value`, `last_key_value`,
 * `pop_first`, `pop_last`, `first`, `last`, `range(..)`.
 */
import type { InterpCore } from '../../../interp/core';
import { ListIter } from '../../../interp/iter-sources';
import { compare } from '../../../interp/ops';
import { defineFn, defineMethods } from '../../../interp/registry';
import { deref, NONE, RRange, RTuple, some, type Value } from '../../../values';
import type { World } from '../../../world';
import { pure } from '../../support';
import { registerDefault } from '../default';
import { registerFromIter } from '../iter/collect';
import { arrayItems, expectedOf, mapValueType } from './hash';
import { entryRef, insertPairs, RMap } from './map';
import { itemRef, RSet } from './set';
import { BTreeTable, type Entry, type Table } from './table';

export class RBTreeMap extends RMap {
  readonly kind = 'BTreeMap';
  make(table: Table): RMap {
    return new RBTreeMap(this.world, table);
  }
}

export class RBTreeSet extends RSet {
  readonly kind = 'BTreeSet';
  make(table: Table): RSet {
    return new RBTreeSet(this.world, table);
  }
}

function newMap(world: World): RBTreeMap {
  return new RBTreeMap(world, new BTreeTable());
}
function newSet(world: World): RBTreeSet {
  return new RBTreeSet(world, new BTreeTable());
}

const prefixed = (name: string) => [
  name,
  `std::collections::${name}`,
  `std::collections::btree_map::${name}`,
  `std::collections::btree_set::${name}`,
];

for (const ctor of ['new', 'default'])
  defineFn(prefixed(`BTreeMap::${ctor}`), {
    pure,
    call: (ctx) => {
      const m = newMap(ctx.world);
      m.valueType = mapValueType(expectedOf(ctx));
      return m;
    },
  });
defineFn(prefixed('BTreeMap::from'), {
  pure,
  call: (ctx, [a]) => insertPairs(ctx.interp, newMap(ctx.world), arrayItems(ctx.interp, a, 'BTreeMap')),
});
for (const ctor of ['new', 'default'])
  defineFn(prefixed(`BTreeSet::${ctor}`), { pure, call: (ctx) => newSet(ctx.world) });
defineFn(prefixed('BTreeSet::from'), {
  pure,
  call: (ctx, [a]) => {
    const s = newSet(ctx.world);
    for (const v of arrayItems(ctx.interp, a, 'BTreeSet')) s.add(ctx.interp, v);
    return s;
  },
});
registerFromIter('BTreeMap', (cx, items, ty) => {
  const m = newMap(cx.world);
  m.valueType = mapValueType(ty);
  return insertPairs(cx, m, items);
});
registerFromIter('BTreeSet', (cx, items) => {
  const s = newSet(cx.world);
  for (const v of items) s.add(cx, v);
  return s;
});
registerDefault('BTreeMap', (cx) => newMap(cx.world));
registerDefault('BTreeSet', (cx) => newSet(cx.world));

/** The entries whose keys fall in a range (`range(a..b)`, `range(..=k)`, `range(k..)`). */
function inRange(cx: InterpCore, table: Table, r: Value): Entry[] {
  const range = deref(r);
  if (!(range instanceof RRange))
    return cx.unsupported('`range` takes a range of keys (`a..b`, `a..=b`, `a..`, `..b`)');
  const cmp = (a: Value, b: Value) => compare(a, b, (m) => cx.panic(m));
  if (range.from !== null && range.to !== null) {
    const c = cmp(range.from, range.to);
    if (c > 0 || (c === 0 && !range.inclusive)) {
      if (c > 0) return cx.panic('range start is greater than range end in BTreeMap');
      if (!range.inclusive) return [];
    }
  }
  return table.entries().filter((e) => {
    if (range.from !== null && cmp(e.key, range.from) < 0) return false;
    if (range.to === null) return true;
    const c = cmp(e.key, range.to);
    return range.inclusive ? c <= 0 : c < 0;
  });
}

const mapOf = (v: Value) => deref(v) as RBTreeMap;
const setOf = (v: Value) => deref(v) as RBTreeSet;
const kv = (e: Entry | undefined): Value =>
  e ? some(new RTuple([entryRef(e, 'key', false), entryRef(e, 'value', false)])) : NONE;
const popped = (e: Entry | undefined): Value => (e ? some(new RTuple([e.key, e.value])) : NONE);

defineMethods(RBTreeMap, 'std::collections::BTreeMap', {
  first_key_value: (_c, s) => kv(mapOf(s).table.entries()[0]),
  last_key_value: (_c, s) => kv(mapOf(s).table.entries().at(-1)),
  pop_first: (_c, s) => popped((mapOf(s).table as BTreeTable).removeAt(0)),
  pop_last: (_c, s) => {
    const t = mapOf(s).table as BTreeTable;
    return popped(t.size ? t.removeAt(t.size - 1) : undefined);
  },
  range: (ctx, s, [r]) =>
    new ListIter(
      inRange(ctx.interp, mapOf(s).table, r!).map(
        (e) => new RTuple([entryRef(e, 'key', false), entryRef(e, 'value', false)]),
      ),
      'Range',
      false,
    ),
  range_mut: (ctx, s, [r]) =>
    new ListIter(
      inRange(ctx.interp, mapOf(s).table, r!).map(
        (e) => new RTuple([entryRef(e, 'key', false), entryRef(e, 'value', true)]),
      ),
      'RangeMut',
      false,
    ),
});

defineMethods(RBTreeSet, 'std::collections::BTreeSet', {
  first: (_c, s) => {
    const e = setOf(s).table.entries()[0];
    return e ? some(itemRef(e)) : NONE;
  },
  last: (_c, s) => {
    const e = setOf(s).table.entries().at(-1);
    return e ? some(itemRef(e)) : NONE;
  },
  pop_first: (_c, s) => {
    const e = (setOf(s).table as BTreeTable).removeAt(0);
    return e ? some(e.key) : NONE;
  },
  pop_last: (_c, s) => {
    const t = setOf(s).table as BTreeTable;
    const e = t.size ? t.removeAt(t.size - 1) : undefined;
    return e ? some(e.key) : NONE;
  },
  range: (ctx, s, [r]) => new ListIter(inRange(ctx.interp, setOf(s).table, r!).map(itemRef), 'Range', false),
});
