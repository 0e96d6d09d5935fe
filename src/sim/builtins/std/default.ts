/**
 * `Default::default()` of a type named in the program (`or_default()` needs the map's value type,
 * `unwrap_or_default()` the option's payload type): zero numbers, empty strings and collections, `None`,
 * tuples of defaults, and user types through their `#[derive(Default)]` fields or their `impl Default`.
 * Collections register their empty value (`registerDefault`).
 */
import type { Type } from '../../../lang/ast';
import type { InterpCore } from '../../interp/core';
import type { NativeResult } from '../../poll';
import { F64, NONE, RChar, RString, RStruct, RTuple, RVec, UNIT, type Value } from '../../values';

const INTS = new Set([
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
  'usize',
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'isize',
]);

const defaults = new Map<string, (cx: InterpCore) => Value>();

/** Registers `impl Default for <name>` of a builtin type (`HashMap`, `VecDeque`, …). */
export function registerDefault(name: string, make: (cx: InterpCore) => Value): void {
  defaults.set(name, make);
}

registerDefault('String', () => new RString(''));
registerDefault('Vec', () => new RVec([]));
registerDefault('Option', () => NONE);
registerDefault('bool', () => false);
registerDefault('char', () => new RChar('\0'));
registerDefault('f64', () => new F64(0));
registerDefault('f32', () => new F64(0));
for (const t of INTS) registerDefault(t, () => 0);

/**
 * The default value of `ty`, or null when it is not known here (a generic parameter, `_`, a type
 * without `Default`). May call a user `impl Default` (a generator then).
 */
export function defaultOf(cx: InterpCore, ty: Type | null): NativeResult | null {
  if (!ty) return null;
  if (ty.k === 'tuple') {
    if (ty.items.length === 0) return UNIT;
    const items: Value[] = [];
    for (const t of ty.items) {
      const d = defaultOf(cx, t);
      if (d === null || typeof d !== 'object' || !isValue(d)) return null;
      items.push(d);
    }
    return new RTuple(items);
  }
  if (ty.k === 'ref') return ty.ty.k === 'path' && ty.ty.segs[ty.ty.segs.length - 1] === 'str' ? '' : null;
  if (ty.k === 'array') return null;
  if (ty.k !== 'path') return null;
  const name = ty.segs[ty.segs.length - 1]!;
  const make = defaults.get(name);
  if (make) return make(cx);
  const userDefault = cx.program.methods.get(`${name}::default`);
  if (userDefault) return cx.callFnItem(userDefault, [], null);
  const def = cx.program.structs.get(name);
  if (def && def.derives.includes('Default')) {
    const fields: Value[] = [];
    for (const f of def.fields) {
      const d = defaultOf(cx, f.ty);
      if (d === null || !isValue(d)) return null;
      fields.push(d);
    }
    return new RStruct(def, fields);
  }
  return null;
}

function isValue(x: NativeResult): x is Value {
  return typeof x !== 'object' || typeof (x as { next?: unknown }).next !== 'function' || 'typeName' in x;
}

/** An empty value shaped like `v` (for `or_default()` when the map's value type is not written down). */
export function emptyLike(v: Value): Value | null {
  if (typeof v === 'number' || typeof v === 'bigint') return 0;
  if (typeof v === 'boolean') return false;
  if (typeof v === 'string') return '';
  if (v instanceof RString) return new RString('');
  if (v instanceof RVec) return new RVec([]);
  if (v instanceof F64) return new F64(0);
  const e = (v as { emptyClone?: () => Value }).emptyClone;
  return e ? e.call(v) : null;
}
