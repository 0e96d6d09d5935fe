/**
 * Iterator consumers (core/src/iter/traits/iterator.rs): they pull until they have their answer — `any`,
 * `find`, `position`, `nth` stop early and leave the rest — and run user closures on the way. Each is a
 * generator (it may run closures that block their thread); items are pulled one at a time, so every one is
 * charged to the step budget by the source that produced it.
 */
import type { Type } from '../../../../lang/ast';
import { F32 as F32_KIND, isFloatKind } from '../../../../lang/types/kinds';
import type { InterpCore } from '../../../interp/core';
import { callFn, DONE, pull, run, type RIter, type Step } from '../../../interp/iter-protocol';
import { arith, compare } from '../../../interp/ops';
import type { Gen } from '../../../poll';
import { deref, float, NONE, okVal, RDuration, REnum, RTuple, some, UNIT, type Value } from '../../../values';
import { isTrue, optionPayload, refTo } from './adapters';
import { fromItems, tupleItem, typeHead } from './collect';

export function* count(cx: InterpCore, it: RIter): Gen<Value> {
  let n = 0;
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return n;
    cx.dropValue(v);
    n++;
  }
}

export function* last(cx: InterpCore, it: RIter): Gen<Value> {
  let best: Step = DONE;
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return best === DONE ? NONE : some(best);
    if (best !== DONE) cx.dropValue(best);
    best = v;
  }
}

/** The additive / multiplicative identity of the type `sum` / `product` produce (floats sum from -0.0, as core). */
function identity(ty: Type | null, k: number, items: 'sum' | 'product'): Value {
  const head = typeHead(ty);
  const one = items === 'product' ? 1 : 0;
  if (isFloatKind(k) || head === 'f64' || head === 'f32')
    return float(one || -0, k === F32_KIND || head === 'f32');
  if (head === 'Duration') return new RDuration(0);
  return one;
}

/**
 * `sum()` / `product()`: `+` / `*` with Rust's overflow panics in the result's kind `k` (the type pass's
 * `nk` on the call; ops.ts `arith`), typed by turbofish or expectation.
 */
export function* sumOrProduct(
  cx: InterpCore,
  it: RIter,
  op: '+' | '*',
  ty: Type | null,
  k: number,
): Gen<Value> {
  let acc: Value | null = null;
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return acc ?? identity(ty, k, op === '+' ? 'sum' : 'product');
    const x = deref(v);
    // Starting from the first item is the same: `-0.0 + x`, `0 + x` and `1 * x` are `x`.
    acc = acc === null ? x : arith(op, acc, x, (m) => cx.panic(m), k);
  }
}

export function* fold(cx: InterpCore, it: RIter, init: Value, f: Value): Gen<Value> {
  let acc = init;
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return acc;
    acc = yield* run(callFn(cx, f, [acc, v]));
  }
}

export function* reduce(cx: InterpCore, it: RIter, f: Value): Gen<Value> {
  const first = yield* pull(cx, it);
  if (first === DONE) return NONE;
  return some(yield* fold(cx, it, first, f));
}

/** `try_fold` / `try_for_each`: stops at the first `Err` / `None` the closure returns and returns it. */
export function* tryFold(cx: InterpCore, it: RIter, init: Value | null, f: Value): Gen<Value> {
  let acc: Value = init ?? UNIT;
  let kind: 'Result' | 'Option' = 'Result';
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return kind === 'Option' ? some(acc) : okVal(acc);
    const r = deref(yield* run(callFn(cx, f, init === null ? [v] : [acc, v])));
    if (!(r instanceof REnum) || (r.enumName !== 'Result' && r.enumName !== 'Option'))
      return cx.unsupported(
        'the closure given to `try_fold` / `try_for_each` must return a Result or an Option',
      );
    kind = r.enumName;
    if (r.variant === 'Err' || r.variant === 'None') return r;
    acc = r.values[0] ?? UNIT;
  }
}

/** `Ordering` from a comparison closure's result. */
function orderingSign(cx: InterpCore, v: Value): number {
  const o = deref(v);
  if (o instanceof REnum && o.enumName === 'Ordering')
    return o.variant === 'Less' ? -1 : o.variant === 'Greater' ? 1 : 0;
  return cx.unsupported('the comparison closure must return an `Ordering`');
}

/**
 * `max`/`min` and their `_by_key` / `_by` forms. Ties: `max*` returns the last maximal item, `min*` the
 * first minimal one (iterator.rs: `max_by` folds with `cmp::max_by`, which keeps the second on equality).
 */
export function* extreme(
  cx: InterpCore,
  it: RIter,
  want: 'max' | 'min',
  by: { key: Value } | { cmp: Value } | null,
): Gen<Value> {
  let best: Step = DONE;
  let bestKey: Value | null = null;
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return best === DONE ? NONE : some(best);
    let key: Value | null = null;
    if (by && 'key' in by) key = yield* run(callFn(cx, by.key, [refTo(v)]));
    if (best === DONE) {
      best = v;
      bestKey = key;
      continue;
    }
    let c: number;
    if (by && 'cmp' in by) c = orderingSign(cx, yield* run(callFn(cx, by.cmp, [refTo(best), refTo(v)])));
    else if (by && 'key' in by) c = compare(bestKey!, key!, (m) => cx.panic(m));
    else c = compare(best, v, (m) => cx.panic(m));
    const takeNew = want === 'max' ? c <= 0 : c > 0;
    if (takeNew) {
      cx.dropValue(best);
      best = v;
      bestKey = key;
    } else cx.dropValue(v);
  }
}

/** `any` (stop at the first true) and `all` (stop at the first false). */
export function* anyAll(cx: InterpCore, it: RIter, f: Value, any: boolean): Gen<Value> {
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return !any;
    if (isTrue(cx, yield* run(callFn(cx, f, [v])), any ? 'any' : 'all') === any) return any;
  }
}

export function* position(cx: InterpCore, it: RIter, f: Value): Gen<Value> {
  for (let i = 0; ; i++) {
    const v = yield* pull(cx, it);
    if (v === DONE) return NONE;
    if (isTrue(cx, yield* run(callFn(cx, f, [v])), 'position')) return some(i);
  }
}

export function* find(cx: InterpCore, it: RIter, f: Value): Gen<Value> {
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return NONE;
    if (isTrue(cx, yield* run(callFn(cx, f, [refTo(v)])), 'find')) return some(v);
    cx.dropValue(v);
  }
}

export function* findMap(cx: InterpCore, it: RIter, f: Value): Gen<Value> {
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return NONE;
    const r = optionPayload(cx, yield* run(callFn(cx, f, [v])), 'find_map');
    if (r !== null) return some(r);
  }
}

export function* forEach(cx: InterpCore, it: RIter, f: Value): Gen<Value> {
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) return UNIT;
    yield* run(callFn(cx, f, [v]));
  }
}

/** `partition(f)`: two collections of the expected type (Vecs by default). */
export function* partition(cx: InterpCore, it: RIter, f: Value, ty: Type | null): Gen<Value> {
  const yes: Value[] = [];
  const no: Value[] = [];
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) break;
    (isTrue(cx, yield* run(callFn(cx, f, [refTo(v)])), 'partition') ? yes : no).push(v);
  }
  return new RTuple([fromItems(cx, yes, tupleItem(ty, 0)), fromItems(cx, no, tupleItem(ty, 1))]);
}

/** `unzip()`: pairs into two collections. */
export function* unzip(cx: InterpCore, it: RIter, ty: Type | null): Gen<Value> {
  const a: Value[] = [];
  const b: Value[] = [];
  for (;;) {
    const v = yield* pull(cx, it);
    if (v === DONE) break;
    const t = deref(v);
    if (!(t instanceof RTuple) || t.items.length !== 2)
      return cx.unsupported('`unzip` needs an iterator of pairs');
    a.push(t.items[0]!);
    b.push(t.items[1]!);
  }
  return new RTuple([fromItems(cx, a, tupleItem(ty, 0)), fromItems(cx, b, tupleItem(ty, 1))]);
}

/** `Iterator::eq` / `cmp` / `lt` …: lexicographic comparison with another iterable. */
export function* compareIters(cx: InterpCore, a: RIter, b: RIter): Gen<number> {
  for (;;) {
    const x = yield* pull(cx, a);
    const y = yield* pull(cx, b);
    if (x === DONE) return y === DONE ? 0 : -1;
    if (y === DONE) return 1;
    const c = compare(x, y, (m) => cx.panic(m));
    if (c !== 0) return c;
  }
}
