/** `Vec<T>`, arrays and slices (one `RVec` value class; `array` marks `[T; N]`). */
import { display } from '../../format';
import { cloneValue } from '../../interp/clone';
import { dropValue } from '../../interp/drops';
import { ArrayPlace } from '../../interp/frame';
import { drain, intoIter } from '../../interp/iterate';
import { ListIter, SliceIter } from '../../interp/iter-sources';
import { compare, equals } from '../../interp/ops';
import { defineFn, defineMethods, withPrefixes, type CallCtx } from '../../interp/registry';
import { slotsBytes } from '../../memory';
import { deref, isCopy, NONE, RRange, RRef, RString, RVec, some, UNIT, type Value } from '../../values';
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
function appendAll(ctx: CallCtx, out: Value[], items: readonly Value[]): void {
  ctx.world.memory.reserve(slotsBytes(items.length, items[0]));
  for (const x of items) out.push(x);
}

/** `join` / `concat` of strings: the pieces' total length is checked before the string is built. */
function joined(ctx: CallCtx, items: readonly Value[], sep: string): RString {
  const parts = items.map((x) => display(x));
  let chars = sep.length * Math.max(0, parts.length - 1);
  for (const p of parts) chars += p.length;
  ctx.world.memory.reserveString(chars);
  return new RString(parts.join(sep));
}

defineMethods(RVec, 'std::vec::Vec / slice', {
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
  insert: (ctx, s, [i, v]) => {
    const vec = vecOf(s);
    const n = deref(i!) as number;
    if (n > vec.items.length)
      return ctx.interp.panic(`insertion index (is ${n}) should be <= len (is ${vec.items.length})`);
    vec.items.splice(n, 0, v!);
    return UNIT;
  },
  remove: (ctx, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    if (n >= v.items.length)
      return ctx.interp.panic(`removal index (is ${n}) should be < len (is ${v.items.length})`);
    return v.items.splice(n, 1)[0]!;
  },
  swap_remove: (ctx, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    if (n >= v.items.length)
      return ctx.interp.panic(`swap_remove index (is ${n}) should be < len (is ${v.items.length})`);
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
    const n = deref(i!);
    if (n instanceof RRange) {
      const from = (n.from as number | null) ?? 0;
      const to = n.to === null ? v.items.length : (n.to as number) + (n.inclusive ? 1 : 0);
      return from <= to && to <= v.items.length ? some(new RVec(v.items.slice(from, to))) : NONE;
    }
    if (typeof n !== 'number' || n < 0 || n >= v.items.length) return NONE;
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
  iter: (_c, s) => new SliceIter(vecOf(s).items, false),
  iter_mut: (_c, s) => new SliceIter(vecOf(s).items, true),
  into_iter: (ctx, s) => {
    ctx.consume();
    return s instanceof RRef
      ? new SliceIter(vecOf(s).items, s.mut)
      : new ListIter(vecOf(s).items, 'IntoIter');
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
  /** `[String]::join(sep)` is a String; `[Vec<T>]::join(&sep)` a Vec. */
  join: (ctx, s, [sep]) => {
    const items = vecOf(s).items;
    const sepSeq = deref(sep!);
    if (items.length && deref(items[0]!) instanceof RVec) {
      const out: Value[] = [];
      items.forEach((x, i) => {
        if (i > 0) appendAll(ctx, out, sepSeq instanceof RVec ? sepSeq.items : [sepSeq]);
        appendAll(ctx, out, (deref(x) as RVec).items);
      });
      return new RVec(out);
    }
    return joined(ctx, items, str(sep!) ?? display(sepSeq));
  },
  concat: (ctx, s) => {
    const items = vecOf(s).items;
    if (items.length && deref(items[0]!) instanceof RVec) {
      const out: Value[] = [];
      for (const x of items) appendAll(ctx, out, (deref(x) as RVec).items);
      return new RVec(out);
    }
    return joined(ctx, items, '');
  },
  extend: (ctx, s, [other]) => {
    const v = vecOf(s);
    const it = intoIter(ctx.interp, other!);
    return (function* () {
      for (const x of yield* drain(ctx.interp, it)) v.items.push(x);
      return UNIT;
    })();
  },
  extend_from_slice: (ctx, s, [other]) => {
    appendAll(ctx, vecOf(s).items, (deref(other!) as RVec).items);
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
  drain: (ctx, s, [r]) => {
    const v = vecOf(s);
    const range = deref(r!) as RRange;
    const len = v.items.length;
    const from = (range.from as number | null) ?? 0;
    const to = range.to === null ? len : (range.to as number) + (range.inclusive ? 1 : 0);
    if (from > to) return ctx.interp.panic(`slice index starts at ${from} but ends at ${to}`);
    if (to > len) return ctx.interp.panic(`range end index ${to} out of range for slice of length ${len}`);
    return new ListIter(v.items.splice(from, to - from), 'Drain');
  },
  swap: (ctx, s, [a, b]) => {
    const v = vecOf(s);
    const i = deref(a!) as number;
    const j = deref(b!) as number;
    for (const k of [i, j])
      if (k >= v.items.length)
        return ctx.interp.panic(`index out of bounds: the len is ${v.items.length} but the index is ${k}`);
    [v.items[i], v.items[j]] = [v.items[j]!, v.items[i]!];
    return UNIT;
  },
  // Slicing by a range (`&buf[..n]`) goes through `index`; here the explicit forms.
  as_slice: (_c, s) => s,
});
