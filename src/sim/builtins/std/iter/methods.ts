/**
 * The `Iterator` methods, registered on every iterator value (`RIter`), on ranges (which are iterators
 * themselves) and on user types with an `impl Iterator` (which get every provided method for free, as in
 * Rust). Adapters take the iterator by value and return a lazy adapter; consumers pull (iter/consumers.ts).
 */
import type { InterpCore } from '../../../interp/core';
import { DONE, pull, RIter, settle, andThen, type Pull } from '../../../interp/iter-protocol';
import { ArrayPlace } from '../../../interp/frame';
import { intoIter, rangeIter, UserIter, userIterMethods, userIteratorType } from '../../../interp/iterate';
import { cloneValue } from '../../../interp/clone';
import { compare, equals } from '../../../interp/ops';
import { defineMethods, findMethod, type CallCtx, type MethodImpl } from '../../../interp/registry';
import type { Gen, NativeResult } from '../../../poll';
import { deref, NONE, RRange, RRef, RStruct, RTuple, some, type Value } from '../../../values';
import {
  FilterIter,
  FilterMapIter,
  FlattenIter,
  InspectIter,
  MapIter,
  MapWhileIter,
  ScanIter,
  SkipWhileIter,
  TakeWhileIter,
} from './adapters';
import {
  ChainIter,
  ClonedIter,
  CycleIter,
  EnumerateIter,
  FuseIter,
  nth,
  nthBack,
  PeekableIter,
  RevIter,
  SkipIter,
  StepByIter,
  TakeIter,
  ZipIter,
} from './adapters-plain';
import { collectInto, expectedType } from './collect';
import { viaUserImpl } from '../convert';
import {
  anyAll,
  compareIters,
  count,
  extreme,
  find,
  findMap,
  fold,
  forEach,
  last,
  partition,
  position,
  reduce,
  sumOrProduct,
  tryFold,
  unzip,
} from './consumers';

type IterMethod = (ctx: CallCtx, it: RIter, args: Value[]) => NativeResult;

/** `Option` of a pulled item. */
function opt(p: Pull): NativeResult {
  return andThen(p, (v) => (v === DONE ? NONE : some(v)));
}

/** A count argument (`take(n)`, `skip(n)`, `nth(n)`). */
function count_(ctx: CallCtx, v: Value | undefined): number {
  const n = deref(v ?? 0);
  if (typeof n === 'number') return n;
  if (typeof n === 'bigint') return Number(n);
  return ctx.interp.unsupported('expected an integer count');
}

/** A consumer that takes the iterator by value: it owns it, and drops what is left when done. */
function* owning(cx: InterpCore, it: RIter, g: Gen<Value>): Gen<Value> {
  try {
    return yield* g;
  } finally {
    cx.dropValue(it);
  }
}

function consume(ctx: CallCtx, it: RIter, g: Gen<Value>): Gen<Value> {
  ctx.consume();
  return owning(ctx.interp, it, g);
}

/** `by_ref()`: an iterator borrowing another; dropping it leaves the original alone. */
class ByRefIter extends RIter {
  constructor(private readonly inner: RIter) {
    super();
  }
  typeName(): string {
    return `&mut ${this.inner.typeName()}`;
  }
  next(cx: InterpCore): Pull {
    return this.inner.next(cx);
  }
  override nextBack(cx: InterpCore): Pull {
    return this.inner.nextBack(cx);
  }
  override isDoubleEnded(): boolean {
    return this.inner.isDoubleEnded();
  }
  override exactLen(): number | null {
    return this.inner.exactLen();
  }
}

const adapter =
  (make: (ctx: CallCtx, it: RIter, args: Value[]) => RIter): IterMethod =>
  (ctx, it, args) => {
    ctx.consume();
    return make(ctx, it, args);
  };

const ITER_METHODS: Record<string, IterMethod> = {
  next: (ctx, it) => opt(it.next(ctx.interp)),
  next_back: (ctx, it) => opt(it.nextBack(ctx.interp)),
  size_hint: (_ctx, it) => {
    const [lo, hi] = it.sizeHint();
    return new RTuple([lo, hi === null ? NONE : some(hi)]);
  },
  len: (ctx, it) => it.exactLen() ?? ctx.interp.unsupported(`\`${it.typeName()}\` has no exact length`),
  by_ref: (_ctx, it) => new ByRefIter(it),
  into_iter: (_ctx, it) => it,

  map: adapter((_c, it, [f]) => new MapIter(it, f!)),
  filter: adapter((_c, it, [f]) => new FilterIter(it, f!)),
  filter_map: adapter((_c, it, [f]) => new FilterMapIter(it, f!)),
  inspect: adapter((_c, it, [f]) => new InspectIter(it, f!)),
  take_while: adapter((_c, it, [f]) => new TakeWhileIter(it, f!)),
  skip_while: adapter((_c, it, [f]) => new SkipWhileIter(it, f!)),
  map_while: adapter((_c, it, [f]) => new MapWhileIter(it, f!)),
  scan: adapter((_c, it, [init, f]) => new ScanIter(it, init!, f!)),
  flat_map: adapter((_c, it, [f]) => new FlattenIter(it, f!)),
  flatten: adapter((_c, it) => new FlattenIter(it, null)),
  enumerate: adapter((_c, it) => new EnumerateIter(it)),
  zip: adapter((ctx, it, [o]) => new ZipIter(it, intoIter(ctx.interp, o!))),
  chain: adapter((ctx, it, [o]) => new ChainIter(it, intoIter(ctx.interp, o!))),
  take: adapter((ctx, it, [n]) => new TakeIter(it, count_(ctx, n))),
  skip: adapter((ctx, it, [n]) => new SkipIter(it, count_(ctx, n))),
  step_by: adapter((ctx, it, [n]) => {
    const k = count_(ctx, n);
    if (k === 0) return ctx.interp.panic('assertion failed: step != 0');
    return new StepByIter(it, k);
  }),
  rev: adapter((ctx, it) => {
    if (!it.isDoubleEnded())
      return ctx.interp.unsupported(
        `\`${it.typeName()}\` is not a double-ended iterator, so it cannot be reversed (rustc would reject this)`,
      );
    return new RevIter(it);
  }),
  fuse: adapter((_c, it) => new FuseIter(it)),
  cycle: adapter((ctx, it) => new CycleIter(it, ctx.interp)),
  peekable: adapter((_c, it) => new PeekableIter(it)),
  cloned: adapter((ctx, it) => new ClonedIter(it, false, (v) => cloneValue(ctx.interp, deref(v)))),
  copied: adapter((_c, it) => new ClonedIter(it, true, (v) => deref(v))),

  count: (ctx, it) => consume(ctx, it, count(ctx.interp, it)),
  last: (ctx, it) => consume(ctx, it, last(ctx.interp, it)),
  sum: (ctx, it) =>
    viaUserImpl(ctx, expectedType(ctx), 'Sum', 'sum', [it]) ??
    consume(ctx, it, sumOrProduct(ctx.interp, it, '+', expectedType(ctx), ctx.node?.nk ?? 0)),
  product: (ctx, it) =>
    viaUserImpl(ctx, expectedType(ctx), 'Product', 'product', [it]) ??
    consume(ctx, it, sumOrProduct(ctx.interp, it, '*', expectedType(ctx), ctx.node?.nk ?? 0)),
  fold: (ctx, it, [init, f]) => consume(ctx, it, fold(ctx.interp, it, init!, f!)),
  reduce: (ctx, it, [f]) => consume(ctx, it, reduce(ctx.interp, it, f!)),
  try_fold: (ctx, it, [init, f]) => tryFold(ctx.interp, it, init!, f!),
  try_for_each: (ctx, it, [f]) => tryFold(ctx.interp, it, null, f!),
  max: (ctx, it) => consume(ctx, it, extreme(ctx.interp, it, 'max', null)),
  min: (ctx, it) => consume(ctx, it, extreme(ctx.interp, it, 'min', null)),
  max_by_key: (ctx, it, [f]) => consume(ctx, it, extreme(ctx.interp, it, 'max', { key: f! })),
  min_by_key: (ctx, it, [f]) => consume(ctx, it, extreme(ctx.interp, it, 'min', { key: f! })),
  max_by: (ctx, it, [f]) => consume(ctx, it, extreme(ctx.interp, it, 'max', { cmp: f! })),
  min_by: (ctx, it, [f]) => consume(ctx, it, extreme(ctx.interp, it, 'min', { cmp: f! })),
  any: (ctx, it, [f]) => anyAll(ctx.interp, it, f!, true),
  all: (ctx, it, [f]) => anyAll(ctx.interp, it, f!, false),
  position: (ctx, it, [f]) => position(ctx.interp, it, f!),
  find: (ctx, it, [f]) => find(ctx.interp, it, f!),
  find_map: (ctx, it, [f]) => findMap(ctx.interp, it, f!),
  nth: (ctx, it, [n]) => opt(settle(nth(ctx.interp, it, count_(ctx, n)))),
  nth_back: (ctx, it, [n]) => opt(settle(nthBack(ctx.interp, it, count_(ctx, n)))),
  for_each: (ctx, it, [f]) => consume(ctx, it, forEach(ctx.interp, it, f!)),
  partition: (ctx, it, [f]) => consume(ctx, it, partition(ctx.interp, it, f!, expectedType(ctx))),
  unzip: (ctx, it) => consume(ctx, it, unzip(ctx.interp, it, expectedType(ctx))),
  collect: (ctx, it) => consume(ctx, it, collectInto(ctx.interp, it, expectedType(ctx))),
  eq: (ctx, it, [o]) => consume(ctx, it, iterEq(ctx.interp, it, intoIter(ctx.interp, o!))),
  ne: (ctx, it, [o]) =>
    andThen(consume(ctx, it, iterEq(ctx.interp, it, intoIter(ctx.interp, o!))) as Gen<Value>, (b) => !b),
  lt: (ctx, it, [o]) => cmpWith(ctx, it, o!, (c) => c < 0),
  le: (ctx, it, [o]) => cmpWith(ctx, it, o!, (c) => c <= 0),
  gt: (ctx, it, [o]) => cmpWith(ctx, it, o!, (c) => c > 0),
  ge: (ctx, it, [o]) => cmpWith(ctx, it, o!, (c) => c >= 0),
};

function* iterEq(cx: InterpCore, a: RIter, b: RIter): Gen<Value> {
  for (;;) {
    const x = yield* pull(cx, a);
    const y = yield* pull(cx, b);
    if (x === DONE || y === DONE) return x === y;
    if (!equals(x, y)) return false;
  }
}

function cmpWith(ctx: CallCtx, it: RIter, o: Value, test: (c: number) => boolean): NativeResult {
  ctx.consume();
  return andThen(settle(compareIters(ctx.interp, it, intoIter(ctx.interp, o))), (c) => test(c));
}

// Methods that need the iterator by mutable reference only (`next`, `any`, `find`, …) or that make an
// adapter work on any iterator value.
defineMethods(
  RIter,
  'std::iter::Iterator',
  Object.fromEntries(
    Object.entries(ITER_METHODS).map(([name, m]) => [
      name,
      ((ctx, self, args) => m(ctx, self as RIter, args)) as MethodImpl,
    ]),
  ),
);

/** Ranges are iterators: `(0..n).map(..)`; `r.next()` advances the range where it is stored. */
defineMethods(
  RRange,
  'std::ops::Range',
  Object.fromEntries(
    Object.entries(ITER_METHODS).map(([name, m]) => [
      name,
      ((ctx, self, args) => {
        const r = deref(self) as RRange;
        if (name === 'next' || name === 'next_back' || name === 'nth' || name === 'by_ref')
          return rangeInPlace(ctx, r, m, args);
        return m(ctx, rangeIter(ctx.interp, r), args);
      }) as MethodImpl,
    ]),
  ),
);

/** `Range::contains` and `is_empty` (a range that is not iterated). */
defineMethods(RRange, 'std::ops::Range', {
  contains: (ctx, s, [v]) => {
    const r = deref(s) as RRange;
    const x = deref(v!);
    const cmp = (a: Value, b: Value) => compare(a, b, (m) => ctx.interp.panic(m));
    const lo = r.from === null || cmp(x, r.from) >= 0;
    const hi = r.to === null || (r.inclusive ? cmp(x, r.to) <= 0 : cmp(x, r.to) < 0);
    return lo && hi;
  },
  is_empty: (ctx, s) => {
    const r = deref(s) as RRange;
    if (r.from === null || r.to === null) return false;
    const c = compare(r.from, r.to, (m) => ctx.interp.panic(m));
    return r.inclusive ? c > 0 : c >= 0;
  },
});

/** `range.next()`: the range is its own iterator, so the place holding it moves on. */
function rangeInPlace(ctx: CallCtx, r: RRange, m: IterMethod, args: Value[]): NativeResult {
  const it = rangeIter(ctx.interp, r);
  if (!ctx.place) return m(ctx, it, args);
  ctx.place.set(it);
  return m(ctx, it, args);
}

/** A user `impl Iterator` gets every provided method. */
const userMethods: Record<string, MethodImpl> = {};
for (const [name, m] of Object.entries(ITER_METHODS)) {
  if (name === 'eq' || name === 'ne' || name === 'lt' || name === 'le' || name === 'gt' || name === 'ge')
    continue;
  if (name === 'next') continue;
  userMethods[name] = (ctx, self, args) => {
    const x = deref(self);
    const ty = userIteratorType(ctx.interp, x);
    // Not an iterator: the method of a trait every value has (`a.max(b)` of a derived `Ord`).
    const base = ty === null ? findMethod(x, name, userIterMethods) : undefined;
    if (base) return base(ctx, self, args);
    if (ty === null)
      return ctx.interp.unsupported(
        `no method \`${name}\` on a value of type \`${typeof x === 'object' ? x.typeName() : typeof x}\` in Pollscope`,
      );
    return m(ctx, new UserIter(x as RStruct, ty), args);
  };
}
for (const m of Object.values(userMethods)) userIterMethods.add(m);
defineMethods(RStruct, 'std::iter::Iterator', userMethods);

/** `Peekable`'s own methods. */
defineMethods(PeekableIter, 'std::iter::Peekable', {
  peek: (ctx, self) => peekRef(ctx, self as PeekableIter, false),
  peek_mut: (ctx, self) => peekRef(ctx, self as PeekableIter, true),
  next_if: (ctx, self, [f]) => {
    const p = self as PeekableIter;
    return andThen(p.fill(ctx.interp), (v) => {
      if (v === DONE) return NONE;
      return andThen(settle(ctx.interp.callValue(f!, [refOf(p, false)], ctx.span)), (ok) => {
        if (deref(ok) !== true) return NONE;
        p.peeked = null;
        return some(v);
      });
    });
  },
  next_if_eq: (ctx, self, [x]) => {
    const p = self as PeekableIter;
    return andThen(p.fill(ctx.interp), (v) => {
      if (v === DONE || !equals(v, x!)) return NONE;
      p.peeked = null;
      return some(v);
    });
  },
});

/** A reference to the peeked item (the item itself when it is Copy and only read). */
function refOf(p: PeekableIter, mut: boolean): Value {
  const slot = p.peeked as unknown as Value[];
  const v = slot[0]!;
  if (!mut && (typeof v !== 'object' || v.isCopy())) return v;
  return new RRef(new ArrayPlace(slot, 0), mut);
}

function peekRef(ctx: CallCtx, p: PeekableIter, mut: boolean): NativeResult {
  return andThen(p.fill(ctx.interp), (v) => (v === DONE ? NONE : some(refOf(p, mut))));
}
