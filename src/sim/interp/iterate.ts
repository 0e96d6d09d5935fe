/**
 * `IntoIterator`: the one place where a value becomes an iterator — for `for` loops, `zip`, `chain`,
 * `extend`, `flat_map` and every `collect`. Ranges, vectors and arrays (by value or by reference) and
 * `Option` are known here; collections register how they iterate (`registerIntoIter`); a user type with an
 * `impl Iterator` (a `next` method) iterates by calling it.
 */
import type { Span } from '../../lang/diagnostics';
import type { RObject } from '../values';
import {
  deref,
  REnum,
  RChar,
  RRange,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  TempPlace,
  type Value,
} from '../values';
import type { Gen } from '../poll';
import { slotsBytes } from '../memory';
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
    const found = cx.traits.forValue(this.value, 'next');
    if (found?.k !== 'fn') return cx.unsupported(`\`${this.typeNameText}\` has no \`next\` method`);
    const self = new RRef({ get: () => this.value, set: () => {} }, true);
    return andThen(settle(cx.callFnItem(found.fn, [], self, found.selfKey)), (r) => {
      const o = deref(r);
      if (o instanceof REnum && o.enumName === 'Option') return o.variant === 'Some' ? o.values[0]! : DONE;
      // Pointed at the program's `next`: the pull may come from inside std (a `for` loop, `collect`).
      return cx.unsupported(`\`${this.typeNameText}::next\` must return an Option`, found.fn.nameSpan);
    });
  }
  override dropValue(interp: InterpCore): void {
    interp.dropValue(this.value);
  }
}

/**
 * The `Iterator` methods every struct gets for when it implements `Iterator` (builtins/std/iter): a method
 * call on a struct that does not skips them, so auto-deref reaches its `Deref` target's methods.
 */
export const userIterMethods = new WeakSet<object>();

/**
 * Other std traits whose provided methods builtins add to every program type the same way (`Stream`'s
 * `StreamExt`, builtins/futures): each check says whether a value's type implements that trait.
 */
const userTraitChecks: ((cx: InterpCore, v: Value) => boolean)[] = [];
export function addUserTraitCheck(methods: object[], check: (cx: InterpCore, v: Value) => boolean): void {
  for (const m of methods) userIterMethods.add(m);
  userTraitChecks.push(check);
}

/** Whether a program value's type implements a trait whose provided methods it gets (Iterator, Stream). */
export function implementsProvidingTrait(cx: InterpCore, v: Value): boolean {
  return userIteratorType(cx, v) !== null || userTraitChecks.some((c) => c(cx, v));
}

/** The user type name of a value whose type has an `impl Iterator` (a `next` method), or null. */
export function userIteratorType(cx: InterpCore, v: Value): string | null {
  const x = v;
  const name = x instanceof RStruct ? x.def.name : x instanceof REnum && x.def ? x.enumName : null;
  if (name === null) return null;
  const found = cx.traits.forValue(x, 'next');
  return found?.k === 'fn' && found.fn.selfMode !== null ? name : null;
}

/**
 * A program's `impl IntoIterator for T` (or `for &T` / `for &mut T` when iterating a reference): what its
 * `into_iter` returns, or null when the type has no such impl.
 */
function userIntoIter(cx: InterpCore, v: Value, x: RObject, mode: IterMode): Value | null {
  if (!(x instanceof RStruct || (x instanceof REnum && x.def !== null)) || cx.program.impls.length === 0)
    return null;
  const impls = cx.traits.implsOf(cx.traits.keyOfValue(x), 'IntoIterator');
  const byRef = (r: (typeof impls)[number]) => r.item.selfType.k === 'ref';
  const impl = impls.find((r) => byRef(r) === (mode !== 'value')) ?? impls[0];
  const fn = impl?.item.fns.find((f) => f.name === 'into_iter');
  if (!impl || !fn) return null;
  const self = byRef(impl) && !(v instanceof RRef) ? new RRef(new TempPlace(x), mode === 'mut') : v;
  return cx.runUserSync(fn, [], self, impl.selfKey);
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
    const own = userIntoIter(cx, v, x, mode);
    if (own !== null) return intoIter(cx, own, sp);
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
    // The items are not a program value yet (the caller charges what it builds): a long iterator is
    // checked against the memory budget as it goes, so it ends in the memory limit, not the engine's.
    if ((out.length & 0xffff) === 0) cx.world.memory.reserve(slotsBytes(out.length, p));
  }
}
