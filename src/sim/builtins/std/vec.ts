/** `Vec<T>`, arrays and slices (one `RVec` value class; `array` marks `[T; N]`). */
import { display } from '../../format';
import { cloneValue } from '../../interp/clone';
import { dropValue } from '../../interp/drops';
import { ArrayPlace } from '../../interp/frame';
import { RIter, vecRefs } from '../../interp/iterate';
import { compare, equals } from '../../interp/ops';
import { defineFn, defineMethods, withPrefixes, type CallCtx } from '../../interp/registry';
import { slotsBytes } from '../../memory';
import type { RRange } from '../../values';
import { deref, isCopy, NONE, RRef, RString, RVec, some, UNIT, type Value } from '../../values';
import { callClosure, pure, str } from '../support';

defineFn(withPrefixes('Vec::new', ['std::vec']), { pure, call: () => new RVec([]) });
defineFn(withPrefixes('Vec::with_capacity', ['std::vec']), { pure, call: () => new RVec([]) });

function vecOf(self: Value): RVec {
  return deref(self) as RVec;
}

/**
 * Appends one by one: `push(...items)` passes every item as an argument, and the engine throws a RangeError
 * for an argument list of a few hundred thousand. Checked against the memory budget first.
 */
function appendAll(ctx: CallCtx, v: RVec, items: readonly Value[]): void {
  ctx.world.memory.reserve(slotsBytes(items.length, items[0]));
  for (const x of items) v.items.push(x);
}

/** `join` / `concat`: the pieces' total length is checked before the string is built. */
function joined(ctx: CallCtx, v: RVec, sep: string): RString {
  const parts = v.items.map((x) => display(x));
  let chars = sep.length * Math.max(0, parts.length - 1);
  for (const p of parts) chars += p.length;
  ctx.world.memory.reserveString(chars);
  return new RString(parts.join(sep));
}

defineMethods(RVec, {
  len: (_c, s) => vecOf(s).items.length,
  is_empty: (_c, s) => vecOf(s).items.length === 0,
  capacity: (_c, s) => vecOf(s).items.length,
  push: (_c, s, [v]) => {
    vecOf(s).items.push(v!);
    return UNIT;
  },
  pop: (_c, s) => {
    const v = vecOf(s).items.pop();
    return v === undefined ? NONE : some(v);
  },
  clear: (ctx, s) => {
    const items = vecOf(s).items.splice(0);
    for (const x of items) dropValue(ctx.interp, x);
    return UNIT;
  },
  insert: (_c, s, [i, v]) => {
    vecOf(s).items.splice(deref(i!) as number, 0, v!);
    return UNIT;
  },
  remove: (ctx, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    if (n >= v.items.length)
      return ctx.interp.panic(`removal index (is ${n}) should be < len (is ${v.items.length})`);
    return v.items.splice(n, 1)[0]!;
  },
  swap_remove: (_c, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    const x = v.items[n]!;
    v.items[n] = v.items[v.items.length - 1]!;
    v.items.pop();
    return x;
  },
  truncate: (ctx, s, [n]) => {
    const removed = vecOf(s).items.splice(deref(n!) as number);
    for (const x of removed) dropValue(ctx.interp, x);
    return UNIT;
  },
  contains: (_c, s, [v]) => vecOf(s).items.some((x) => equals(x, v!)),
  get: (_c, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    if (n < 0 || n >= v.items.length) return NONE;
    const x = v.items[n]!;
    return some(isCopy(x) ? x : new RRef(new ArrayPlace(v.items, n), false));
  },
  first: (_c, s) => {
    const v = vecOf(s);
    return v.items.length
      ? some(isCopy(v.items[0]!) ? v.items[0]! : new RRef(new ArrayPlace(v.items, 0), false))
      : NONE;
  },
  last: (_c, s) => {
    const v = vecOf(s);
    const n = v.items.length - 1;
    return n >= 0
      ? some(isCopy(v.items[n]!) ? v.items[n]! : new RRef(new ArrayPlace(v.items, n), false))
      : NONE;
  },
  iter: (_c, s) => new RIter(vecRefs(vecOf(s), false), 'Iter'),
  iter_mut: (_c, s) => new RIter(vecRefs(vecOf(s), true), 'IterMut'),
  into_iter: (ctx, s) => {
    ctx.consume();
    return s instanceof RRef
      ? new RIter(vecRefs(vecOf(s), s.mut), 'Iter')
      : new RIter(vecOf(s).items[Symbol.iterator](), 'IntoIter');
  },
  sort: (ctx, s) => {
    vecOf(s).items.sort((a, b) => compare(a, b, (m) => ctx.interp.panic(m)));
    return UNIT;
  },
  sort_unstable: (ctx, s) => {
    vecOf(s).items.sort((a, b) => compare(a, b, (m) => ctx.interp.panic(m)));
    return UNIT;
  },
  reverse: (_c, s) => {
    vecOf(s).items.reverse();
    return UNIT;
  },
  join: (ctx, s, [sep]) => joined(ctx, vecOf(s), str(sep!) ?? ''),
  concat: (ctx, s) => joined(ctx, vecOf(s), ''),
  extend: (ctx, s, [other]) => {
    const o = deref(other!);
    if (o instanceof RVec) appendAll(ctx, vecOf(s), o.items);
    else if (o instanceof RIter) {
      const v = vecOf(s);
      for (let n = o.it.next(); !n.done; n = o.it.next()) {
        v.items.push(n.value);
        // An endless iterator (`extend(0..)`) ends in the memory limit.
        if ((v.items.length & 0xffff) === 0) ctx.world.memory.track(v);
      }
    } else return ctx.interp.unsupported('extend() takes a Vec or an iterator');
    return UNIT;
  },
  extend_from_slice: (ctx, s, [other]) => {
    appendAll(ctx, vecOf(s), (deref(other!) as RVec).items);
    return UNIT;
  },
  to_vec: (ctx, s) => {
    const v = vecOf(s);
    ctx.world.memory.reserve(slotsBytes(v.items.length, v.items[0]));
    return new RVec(v.items.map((x) => cloneValue(ctx.interp, deref(x))));
  },
  retain: (ctx, s, [f]) => {
    const v = vecOf(s);
    return (function* () {
      const keep: Value[] = [];
      for (const x of v.items) {
        const k = yield* callClosure(ctx, f!, [
          isCopy(x) ? x : new RRef({ get: () => x, set: () => {} }, false),
        ]);
        if (deref(k) === true) keep.push(x);
        else dropValue(ctx.interp, x);
      }
      v.items = keep;
      return UNIT;
    })();
  },
  drain: (_c, s, [r]) => {
    const v = vecOf(s);
    const range = deref(r!) as RRange;
    const from = (range.from as number | null) ?? 0;
    const to = range.to === null ? v.items.length : (range.to as number) + (range.inclusive ? 1 : 0);
    return new RIter(v.items.splice(from, to - from)[Symbol.iterator](), 'Drain');
  },
  swap: (_c, s, [a, b]) => {
    const v = vecOf(s);
    const i = deref(a!) as number;
    const j = deref(b!) as number;
    [v.items[i], v.items[j]] = [v.items[j]!, v.items[i]!];
    return UNIT;
  },
  // Slicing by a range (`&buf[..n]`) goes through `index`; here the explicit forms.
  as_slice: (_c, s) => s,
});
