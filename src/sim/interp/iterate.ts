/**
 * `for` loops and the few iterator methods the subset has: ranges, vectors (by value or by reference),
 * strings' chars, and `RIter` values made by `.iter()`, `.enumerate()`, `.rev()` and friends.
 */
import type { Span } from '../../lang/diagnostics';
import { isInt, norm } from '../int';
import { RObject, RRange, RRef, RString, RTuple, RVec, deref, isCopy, RChar, type Value } from '../values';
import { ArrayPlace } from './frame';
import type { InterpCore } from './core';

/** A lazy iterator value. */
export class RIter extends RObject {
  constructor(
    readonly it: Iterator<Value>,
    readonly label = 'Iter',
  ) {
    super();
  }
  typeName(): string {
    return this.label;
  }
}

/** Elements of a vector by reference: Copy elements as values, others as references to their slot. */
export function* vecRefs(v: RVec, mut: boolean): Generator<Value> {
  for (let i = 0; i < v.items.length; i++) {
    const x = v.items[i]!;
    yield isCopy(x) && !mut ? x : new RRef(new ArrayPlace(v.items, i), mut);
  }
}

export function* rangeIter(r: RRange, sp: Span, interp: InterpCore): Generator<Value> {
  const from = r.from;
  const to = r.to;
  if (typeof from === 'number' && (to === null || typeof to === 'number')) {
    const end = to === null ? Infinity : r.inclusive ? to + 1 : to;
    for (let i = from; i < end && i <= Number.MAX_SAFE_INTEGER; i++) yield i;
    if (end <= Number.MAX_SAFE_INTEGER) return;
  }
  if (isInt(from) && (to === null || isInt(to))) {
    // Beyond 2^53, exactly (`u64::MAX - 2..=u64::MAX`).
    const a = typeof from === 'bigint' ? from : BigInt(Math.max(from, Number.MAX_SAFE_INTEGER + 1));
    for (let i = a; to === null || (r.inclusive ? i <= to : i < to); i++) yield norm(i);
    return;
  }
  if (from instanceof RChar && to instanceof RChar) {
    const a = from.c.codePointAt(0)!;
    const b = to.c.codePointAt(0)! + (r.inclusive ? 1 : 0);
    for (let i = a; i < b; i++) yield new RChar(String.fromCodePoint(i));
    return;
  }
  interp.unsupported('only integer and char ranges can be iterated', sp);
}

export function iterate(interp: InterpCore, v: Value, sp: Span): Iterator<Value> {
  const x = v instanceof RRef ? v : v;
  if (x instanceof RRange) return rangeIter(x, sp, interp);
  if (x instanceof RIter) return x.it;
  if (x instanceof RVec) return x.items[Symbol.iterator]();
  if (x instanceof RRef) {
    const inner = deref(x);
    if (inner instanceof RVec) return vecRefs(inner, x.mut);
    if (inner instanceof RIter) return inner.it;
    if (inner instanceof RRange) return rangeIter(inner, sp, interp);
  }
  if (x instanceof RString || typeof x === 'string') {
    return interp.unsupported('iterate over `.chars()` or `.bytes()` of a string', sp);
  }
  if (x instanceof RTuple) return interp.unsupported('tuples cannot be iterated', sp);
  const t = typeof x === 'object' ? x.typeName() : typeof x;
  return interp.unsupported(
    `\`${t}\` is not an iterator`,
    sp,
    'iterate over a range, a Vec, `&vec` or `.iter()`',
  );
}
