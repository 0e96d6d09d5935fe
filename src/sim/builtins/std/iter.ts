/**
 * Iterators: the adapters and consumers on `RIter` values (`.iter()`, `.map(..)`, `.enumerate()`, `.sum()`,
 * `.collect()`, ...) and on ranges.
 */
import { display } from '../../format';
import { sumOrProduct } from './int';
import { cloneValue } from '../../interp/clone';
import { RIter } from '../../interp/iterate';
import { compare } from '../../interp/ops';
import { defineMethods, type MethodImpl } from '../../interp/registry';
import { deref, NONE, RRange, RRef, RString, RTuple, RVec, some, UNIT, type Value } from '../../values';
import { callClosure } from '../support';

function* iterOf(v: Value): Generator<Value> {
  const x = deref(v);
  if (x instanceof RIter) {
    for (let n = x.it.next(); !n.done; n = x.it.next()) yield n.value;
    return;
  }
  if (x instanceof RVec) {
    yield* x.items;
    return;
  }
  if (x instanceof RRange) {
    const end = x.to === null ? Infinity : (x.to as number) + (x.inclusive ? 1 : 0);
    for (let i = x.from as number; i < end; i++) yield i;
  }
}

const iterMethods: Record<string, MethodImpl> = {
  enumerate: (_c, s) =>
    new RIter(
      (function* () {
        let i = 0;
        for (const v of iterOf(s)) yield new RTuple([i++, v]);
      })(),
      'Enumerate',
    ),
  rev: (_c, s) => new RIter([...iterOf(s)].reverse()[Symbol.iterator](), 'Rev'),
  skip: (_c, s, [n]) => new RIter([...iterOf(s)].slice(deref(n!) as number)[Symbol.iterator](), 'Skip'),
  take: (_c, s, [n]) =>
    new RIter(
      (function* () {
        let k = deref(n!) as number;
        if (k <= 0) return;
        for (const v of iterOf(s)) {
          yield v;
          if (--k <= 0) return;
        }
      })(),
      'Take',
    ),
  step_by: (_c, s, [n]) =>
    new RIter(
      (function* () {
        let i = 0;
        const k = deref(n!) as number;
        for (const v of iterOf(s)) if (i++ % k === 0) yield v;
      })(),
      'StepBy',
    ),
  zip: (_c, s, [o]) =>
    new RIter(
      (function* () {
        const b = iterOf(o!);
        for (const v of iterOf(s)) {
          const w = b.next();
          if (w.done) return;
          yield new RTuple([v, w.value]);
        }
      })(),
      'Zip',
    ),
  count: (_c, s) => [...iterOf(s)].length,
  sum: (ctx, s) => sumOrProduct(ctx, iterOf(s), false),
  product: (ctx, s) => sumOrProduct(ctx, iterOf(s), true),
  max: (ctx, s) => {
    const xs = [...iterOf(s)];
    if (!xs.length) return NONE;
    return some(xs.reduce((a, b) => (compare(b, a, (m) => ctx.interp.panic(m)) >= 0 ? b : a)));
  },
  min: (ctx, s) => {
    const xs = [...iterOf(s)];
    if (!xs.length) return NONE;
    return some(xs.reduce((a, b) => (compare(b, a, (m) => ctx.interp.panic(m)) < 0 ? b : a)));
  },
  next: (_c, s) => {
    const x = deref(s);
    if (x instanceof RIter) {
      const n = x.it.next();
      return n.done ? NONE : some(n.value);
    }
    return NONE;
  },
  last: (_c, s) => {
    const xs = [...iterOf(s)];
    return xs.length ? some(xs[xs.length - 1]!) : NONE;
  },
  collect: (ctx, s) => {
    const ty = ctx.generics[0];
    const items = [...iterOf(s)];
    if (ty?.k === 'path' && ty.segs[0] === 'String')
      return new RString(items.map((x) => display(x)).join(''));
    return new RVec(items);
  },
  cloned: (ctx, s) =>
    new RIter([...iterOf(s)].map((x) => cloneValue(ctx.interp, deref(x)))[Symbol.iterator](), 'Cloned'),
  copied: (_c, s) => new RIter([...iterOf(s)].map((x) => deref(x))[Symbol.iterator](), 'Copied'),
  map: (ctx, s, [f]) =>
    (function* () {
      const out: Value[] = [];
      for (const v of iterOf(s)) out.push(yield* callClosure(ctx, f!, [v]));
      return new RIter(out[Symbol.iterator](), 'Map');
    })(),
  filter: (ctx, s, [f]) =>
    (function* () {
      const out: Value[] = [];
      for (const v of iterOf(s))
        if (deref(yield* callClosure(ctx, f!, [new RRef({ get: () => v, set: () => {} }, false)])) === true)
          out.push(v);
      return new RIter(out[Symbol.iterator](), 'Filter');
    })(),
  for_each: (ctx, s, [f]) =>
    (function* () {
      for (const v of iterOf(s)) yield* callClosure(ctx, f!, [v]);
      return UNIT;
    })(),
  any: (ctx, s, [f]) =>
    (function* () {
      for (const v of iterOf(s)) if (deref(yield* callClosure(ctx, f!, [v])) === true) return true;
      return false;
    })(),
  all: (ctx, s, [f]) =>
    (function* () {
      for (const v of iterOf(s)) if (deref(yield* callClosure(ctx, f!, [v])) !== true) return false;
      return true;
    })(),
  into_iter: (_c, s) => s,
  iter: (_c, s) => s,
};
defineMethods(RIter, iterMethods);
defineMethods(RRange, {
  ...iterMethods,
  contains: (ctx, s, [v]) => {
    const r = deref(s) as RRange;
    const x = deref(v!);
    const lo = r.from === null || compare(x, r.from, (m) => ctx.interp.panic(m)) >= 0;
    const hi =
      r.to === null ||
      (r.inclusive
        ? compare(x, r.to, (m) => ctx.interp.panic(m)) <= 0
        : compare(x, r.to, (m) => ctx.interp.panic(m)) < 0);
    return lo && hi;
  },
  len: (_c, s) => [...iterOf(s)].length,
});
