/**
 * The entry API of `HashMap` and `BTreeMap` (`map.entry(k)`): `or_insert`, `or_insert_with`,
 * `or_insert_with_key`, `or_default`, `and_modify`, `key`. The `or_*` methods return `&mut V` into the
 * map, so `*counts.entry(w).or_insert(0) += 1` updates it in place.
 */
import type { Type } from '../../../../lang/ast';
import { debug } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { callFn, andThen } from '../../../interp/iter-protocol';
import { defineMethods, type CallCtx } from '../../../interp/registry';
import type { NativeResult } from '../../../poll';
import { isCopy, RObject, RRef, type Value } from '../../../values';
import { defaultOf, emptyLike } from '../default';
import type { World } from '../../../world';
import { KeyPlace, ValuePlace, type Entry, type Table } from './table';

/** The map an entry belongs to (map.ts `RMap`, seen through what the entry needs). */
export interface EntryMap {
  readonly table: Table;
  readonly world: World;
  readonly valueType: Type | null;
}

export class REntry extends RObject {
  constructor(
    readonly map: EntryMap,
    readonly key: Value,
  ) {
    super();
  }
  typeName(): string {
    return 'Entry';
  }
  found(cx: InterpCore): Entry | undefined {
    return this.map.table.find(cx, this.key);
  }
  fmtDebug(): string {
    const cx = this.map.world.interp as InterpCore;
    const e = this.found(cx);
    return e
      ? `Entry(OccupiedEntry { key: ${debug(e.key, false)}, value: ${debug(e.value, false)} })`
      : `Entry(VacantEntry(${debug(this.key, false)}))`;
  }
}

const valueRef = (e: Entry): Value => new RRef(new ValuePlace(e), true);

/** The occupied entry's `&mut V`, or inserts the value `make` produces and returns its `&mut V`. */
function orInsert(ctx: CallCtx, en: REntry, make: () => NativeResult): NativeResult {
  const cx = ctx.interp;
  const e = en.found(cx);
  if (e) {
    cx.dropValue(en.key);
    return valueRef(e);
  }
  return andThen(make(), (v) => {
    const ne: Entry = { key: en.key, value: v };
    en.map.table.add(cx, ne);
    return valueRef(ne);
  });
}

/** `V::default()` for `or_default()`: from the map's declared value type, else shaped like its values. */
function defaultValue(ctx: CallCtx, m: EntryMap): NativeResult {
  const d = defaultOf(ctx.interp, m.valueType);
  if (d !== null) return d;
  const first = m.table.entries()[0];
  const like = first ? emptyLike(first.value) : null;
  // With nothing to go by, the integer counter (`*m.entry(k).or_default() += 1`) is what learners write.
  return like ?? 0;
}

defineMethods(REntry, 'std::collections::hash_map::Entry', {
  or_insert: (ctx, s, [v]) => orInsert(ctx, s as REntry, () => v!),
  or_insert_with: (ctx, s, [f]) => orInsert(ctx, s as REntry, () => callFn(ctx.interp, f!, [])),
  or_insert_with_key: (ctx, s, [f]) => {
    const en = s as REntry;
    const k = isCopy(en.key) ? en.key : new RRef(new KeyPlace({ key: en.key, value: en.key }), false);
    return orInsert(ctx, en, () => callFn(ctx.interp, f!, [k]));
  },
  or_default: (ctx, s) => orInsert(ctx, s as REntry, () => defaultValue(ctx, (s as REntry).map)),
  and_modify: (ctx, s, [f]) => {
    const en = s as REntry;
    const e = en.found(ctx.interp);
    if (!e) return en;
    return andThen(callFn(ctx.interp, f!, [valueRef(e)]), () => en);
  },
  key: (_ctx, s) => {
    const en = s as REntry;
    return isCopy(en.key) ? en.key : new RRef(new KeyPlace({ key: en.key, value: en.key }), false);
  },
});
