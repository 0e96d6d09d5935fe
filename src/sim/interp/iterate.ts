/**
 * `IntoIterator`: the one place where a value becomes an iterator — for `for` loops, `zip`, `chain`,
 * `extend`, `flat_map` and every `collect`. Ranges, vectors and arrays (by value or by reference) and
 * `Option` are known here; collections register how they iterate (`registerIntoIter`); a user type with an
 * `impl Iterator` (a `next` method) iterates by calling it.
 */
import type { Span } from '../../lang/diagnostics';
import type { RObject } from '../values';
import { deref, REnum, RChar, RRange, RRef, RString, RStruct, RTuple, RVec, type Value } from '../values';
import type { Gen } from '../poll';
import type { InterpCore } from './core';
import { DONE, RIter, settle, suspends, andThen, type Pull } from './iter-protocol';
import { CharRangeIter, ListIter, RangeIter, SliceIter } from './iter-sources';

export { RIter } from './iter-protocol';

/** How a value is iterated: owned (`for x in v`), shared (`for x in &v`) or mutable (`for x in &mut v`). */
export type IterMode = 'value' | 'ref' | 'mut';
export type IntoIterHook = (cx: InterpCore, v: RObject, mode: IterMode) => RIter;

const hooks = new Map<object, IntoIterHook>();

/** Registers how instances of `cls` (and subclasses) are iterated. */
export function registerIntoIter(cls: abstract new (...args: never[]) => object, hook: IntoIterHook): void {
  hooks.set(cls.prototype as object, hook);
}

function hookFor(v: RObject): IntoIterHook | undefined {
  let proto: object | null = Object.getPrototypeOf(v) as object | null;
  while (proto) {
    const h = hooks.get(proto);
    if (h) return h;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return undefined;
}

/** `range.into_iter()`: integer and char ranges. */
export function rangeIter(cx: InterpCore, r: RRange, sp: Span | null = cx.site): RIter {
  const { from, to } = r;
  if (
    (typeof from === 'number' || typeof from === 'bigint') &&
    (to === null || typeof to === 'number' || typeof to === 'bigint')
  )
    return RangeIter.of(from, to, r.inclusive);
  if (from instanceof RChar && to instanceof RChar) {
    const a = from.c.codePointAt(0)!;
    const b = to.c.codePointAt(0)! + (r.inclusive ? 1 : 0);
    return new CharRangeIter(a, b);
  }
  if (from === null) return cx.unsupported('a range without a start (`..n`) is not an iterator', sp);
  return cx.unsupported('only integer and char ranges can be iterated', sp);
}

/** A user type with `impl Iterator`: each pull calls its `next(&mut self)`. */
export class UserIter extends RIter {
  constructor(
    private readonly value: RStruct | REnum,
    private readonly typeNameText: string,
  ) {
    super();
  }
  typeName(): string {
    return this.typeNameText;
  }
  next(cx: InterpCore): Pull {
    const item = cx.program.methods.get(`${this.typeNameText}::next`)!;
    const self = new RRef({ get: () => this.value, set: () => {} }, true);
    return andThen(settle(cx.callFnItem(item, [], self)), (r) => {
      const o = deref(r);
      if (o instanceof REnum && o.enumName === 'Option') return o.variant === 'Some' ? o.values[0]! : DONE;
      return cx.unsupported(`\`${this.typeNameText}::next\` must return an Option`);
    });
  }
  override dropValue(interp: InterpCore): void {
    interp.dropValue(this.value);
  }
}

/** The user type name of a value whose type has an `impl Iterator` (a `next` method), or null. */
export function userIteratorType(cx: InterpCore, v: Value): string | null {
  const x = v;
  const name = x instanceof RStruct ? x.def.name : x instanceof REnum && x.def ? x.enumName : null;
  if (name === null) return null;
  return cx.program.methods.has(`${name}::next`) ? name : null;
}

/** Turns `v` into an iterator, as `IntoIterator::into_iter` (what a `for` loop does to its expression). */
export function intoIter(cx: InterpCore, v: Value, sp: Span | null = cx.site): RIter {
  if (v instanceof RIter) return v;
  let mode: IterMode = 'value';
  let x = v;
  if (x instanceof RRef) {
    mode = x.mut ? 'mut' : 'ref';
    x = deref(x);
    if (x instanceof RIter) return x;
  }
  if (x instanceof RRange) return rangeIter(cx, x, sp);
  if (x instanceof RVec)
    return mode === 'value' ? new ListIter(x.items, 'IntoIter') : new SliceIter(x.items, mode === 'mut');
  if (x instanceof REnum && (x.enumName === 'Option' || x.enumName === 'Result')) {
    const items = x.variant === 'Some' || x.variant === 'Ok' ? x.values : [];
    return mode === 'value' ? new ListIter(items, 'IntoIter') : new SliceIter(items, mode === 'mut');
  }
  if (typeof x === 'object') {
    const hook = hookFor(x);
    if (hook) return hook(cx, x, mode);
    const user = userIteratorType(cx, x);
    if (user !== null) return new UserIter(x as RStruct | REnum, user);
  }
  if (x instanceof RString || typeof x === 'string')
    return cx.unsupported('a string is not an iterator', sp, 'iterate over `.chars()` or `.bytes()`');
  if (x instanceof RTuple) return cx.unsupported('a tuple is not an iterator', sp);
  const t =
    typeof x === 'object'
      ? x.typeName()
      : typeof x === 'number' || typeof x === 'bigint'
        ? '{integer}'
        : typeof x === 'boolean'
          ? 'bool'
          : '&str';
  return cx.unsupported(
    `\`${t}\` is not an iterator`,
    sp,
    'iterate over a range, a collection, `&v` or `.iter()`',
  );
}

/** Every remaining item, pulled in a generator (for consumers that need them all). */
export function* drain(cx: InterpCore, it: RIter): Gen<Value[]> {
  const out: Value[] = [];
  for (;;) {
    let p = it.next(cx);
    if (suspends(p)) p = yield* p;
    if (p === DONE) return out;
    out.push(p);
  }
}
