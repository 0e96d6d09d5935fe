/**
 * `std::collections::HashMap` and `HashSet` (std/collections/hash/{map,set}.rs): maps and sets over a
 * `HashTable` with a seeded iteration order (hash-key.ts), built by `new`, `with_capacity`, `from([..])`,
 * `default` and `collect()`.
 */
import type { Type } from '../../../../lang/ast';
import type { InterpCore } from '../../../interp/core';
import { defineFn, type CallCtx } from '../../../interp/registry';
import { deref, RVec, type Value } from '../../../values';
import type { World } from '../../../world';
import { pure } from '../../support';
import { registerDefault } from '../default';
import { registerFromIter } from '../iter/collect';
import { newHashSeed } from './hash-key';
import { insertPairs, RMap } from './map';
import { RSet } from './set';
import { HashTable, type Table } from './table';

export class RHashMap extends RMap {
  readonly kind = 'HashMap';
  make(table: Table): RMap {
    return new RHashMap(this.world, table);
  }
}

export class RHashSet extends RSet {
  readonly kind = 'HashSet';
  make(table: Table): RSet {
    return new RHashSet(this.world, table);
  }
}

/** The second type argument of a `HashMap<K, V>` / `BTreeMap<K, V>` type, if written. */
export function mapValueType(ty: Type | null | undefined): Type | null {
  return ty && ty.k === 'path' ? (ty.args[1] ?? null) : null;
}

/** The type a `HashMap::new()` call is expected to produce (a `let` annotation, a struct field). */
export function expectedOf(ctx: CallCtx): Type | null {
  const n = ctx.node;
  return n && (n.k === 'call' || n.k === 'method') ? (n.expectTy ?? null) : null;
}

export function newHashMap(world: World, ty: Type | null): RHashMap {
  const m = new RHashMap(world, new HashTable(newHashSeed(world)));
  m.valueType = mapValueType(ty);
  return m;
}

export function newHashSet(world: World): RHashSet {
  return new RHashSet(world, new HashTable(newHashSeed(world)));
}

/** The items of `from([..])`'s array argument. */
export function arrayItems(cx: InterpCore, v: Value | undefined, what: string): Value[] {
  const a = v === undefined ? undefined : deref(v);
  if (a instanceof RVec) return a.items;
  return cx.unsupported(`\`${what}::from\` takes an array`);
}

const HASH_MAP = ['std::collections', 'std::collections::hash_map'];
const HASH_SET = ['std::collections', 'std::collections::hash_set'];
const prefixed = (name: string, prefixes: string[]) => [name, ...prefixes.map((p) => `${p}::${name}`)];

for (const ctor of ['new', 'with_capacity', 'default'])
  defineFn(prefixed(`HashMap::${ctor}`, HASH_MAP), {
    pure,
    call: (ctx) => newHashMap(ctx.world, expectedOf(ctx)),
  });
defineFn(prefixed('HashMap::from', HASH_MAP), {
  pure,
  call: (ctx, [a]) =>
    insertPairs(ctx.interp, newHashMap(ctx.world, expectedOf(ctx)), arrayItems(ctx.interp, a, 'HashMap')),
});
for (const ctor of ['new', 'with_capacity', 'default'])
  defineFn(prefixed(`HashSet::${ctor}`, HASH_SET), { pure, call: (ctx) => newHashSet(ctx.world) });
defineFn(prefixed('HashSet::from', HASH_SET), {
  pure,
  call: (ctx, [a]) => {
    const s = newHashSet(ctx.world);
    for (const v of arrayItems(ctx.interp, a, 'HashSet')) s.add(ctx.interp, v);
    return s;
  },
});

registerFromIter('HashMap', (cx, items, ty) => insertPairs(cx, newHashMap(cx.world, ty), items));
registerFromIter('HashSet', (cx, items) => {
  const s = newHashSet(cx.world);
  for (const v of items) s.add(cx, v);
  return s;
});
registerDefault('HashMap', (cx) => newHashMap(cx.world, null));
registerDefault('HashSet', (cx) => newHashSet(cx.world));
