/**
 * Operators on the program's own types through its impls of `core::ops`: `a + b` runs `Add::add`,
 * `-a` `Neg::neg`, `a += b` `AddAssign::add_assign`, `v[i]` `Index::index` (and `IndexMut::index_mut`).
 * Each is a plain (non-async) fn, run to completion where the operator is evaluated. Only values of the
 * program's structs and enums (and references to them) reach here; numbers never do, so arithmetic on
 * builtin types pays nothing.
 */
import type { FnItem } from '../../lang/ast';
import type { ImplRecord } from '../../lang/resolve';
import { deref, copyOut, REnum, RRef, RStruct, TempPlace, type Place, type Value } from '../values';
import type { InterpCore } from './core';
import { typeKeyOf } from './traits';

const BINARY: Readonly<Record<string, readonly [trait: string, method: string]>> = {
  '+': ['Add', 'add'],
  '-': ['Sub', 'sub'],
  '*': ['Mul', 'mul'],
  '/': ['Div', 'div'],
  '%': ['Rem', 'rem'],
  '&': ['BitAnd', 'bitand'],
  '|': ['BitOr', 'bitor'],
  '^': ['BitXor', 'bitxor'],
  '<<': ['Shl', 'shl'],
  '>>': ['Shr', 'shr'],
};

/** The `core::ops` traits a program may implement (the resolver accepts impls of these). */
export const OPERATOR_TRAITS: readonly string[] = [
  ...Object.values(BINARY).flatMap(([t]) => [t, `${t}Assign`]),
  'Neg',
  'Not',
  'Index',
  'IndexMut',
];

/** Whether a value is (a reference to) one of the program's own structs or enums. */
export function isUserValue(v: Value): boolean {
  const x = deref(v);
  return x instanceof RStruct || (x instanceof REnum && x.def !== null);
}

/**
 * The impl of `trait` for the left operand's type whose `Rhs` fits the right operand (`Mul<f64>` and
 * `Mul<V2>` for one type), or null.
 */
function pickImpl(cx: InterpCore, left: Value, trait: string, right: Value | null): ImplRecord | null {
  const key = typeKeyOf(deref(left));
  const impls = cx.traits.implsOf(key, trait);
  if (impls.length <= 1 || right === null) return impls[0] ?? null;
  const r = deref(right);
  return (
    impls.find((i) => cx.traits.argMatches(i, 0, r)) ??
    impls.find((i) => i.item.traitType?.k === 'path' && i.item.traitType.args.length === 0) ??
    impls[0]!
  );
}

/** `self` as the method takes it: by value (a copy of a Copy type) or by reference. */
function selfArg(fn: FnItem, v: Value, mut: boolean): Value {
  if (fn.selfMode === 'value') return copyOut(deref(v));
  return v instanceof RRef ? v : new RRef(new TempPlace(v), mut);
}

function run(
  cx: InterpCore,
  r: ImplRecord,
  method: string,
  self: Value,
  args: Value[],
  mut = false,
): Value | null {
  const fn = r.item.fns.find((f) => f.name === method);
  if (!fn) return null;
  return cx.runUserSync(fn, args, selfArg(fn, self, mut), r.selfKey);
}

/** `l op r` by the program's impl, or undefined when the left operand's type has none. */
export function userBinary(cx: InterpCore, op: string, l: Value, r: Value): Value | undefined {
  const t = BINARY[op];
  if (!t) return undefined;
  const impl = pickImpl(cx, l, t[0], r);
  return (impl && run(cx, impl, t[1], l, [r])) ?? undefined;
}

/** `-x` / `!x` by the program's impl, or undefined. */
export function userUnary(cx: InterpCore, op: '-' | '!', v: Value): Value | undefined {
  const [trait, method] = op === '-' ? ['Neg', 'neg'] : ['Not', 'not'];
  const impl = pickImpl(cx, v, trait, null);
  return (impl && run(cx, impl, method, v, [])) ?? undefined;
}

/** `place op= v` by the program's `OpAssign` impl; false when the type has none. */
export function userAssign(cx: InterpCore, op: string, place: Place, v: Value): boolean {
  const t = BINARY[op];
  if (!t) return false;
  const cur = place.get();
  const target = cur instanceof RRef ? cur : new RRef(place, true);
  const impl = pickImpl(cx, target, `${t[0]}Assign`, v);
  if (!impl) return false;
  return run(cx, impl, `${t[1]}_assign`, target, [v], true) !== null;
}

/** `container[idx]` by the program's `Index` (or `IndexMut`) impl: the place the returned reference points at. */
export function userIndex(cx: InterpCore, place: Place, idx: Value): Place | null {
  const self = new RRef(place, true);
  const impl = pickImpl(cx, self, 'Index', idx) ?? pickImpl(cx, self, 'IndexMut', idx);
  if (!impl) return null;
  const r = run(cx, impl, impl.traitKey === 'Index' ? 'index' : 'index_mut', self, [idx], true);
  return r instanceof RRef ? r.place : r === null ? null : new TempPlace(r);
}
