/**
 * Slice methods beyond vec.ts's basics (core/src/slice/mod.rs): sorting by a closure or a key (a stable
 * merge sort that may call user code), `dedup*`, `windows`, `chunks*`, `binary_search*` (std's exact
 * algorithm, so ties give the same index), `partition_point`, `split_*`, `starts_with` / `ends_with`,
 * `resize`, `fill`, `rotate_*`, `split_off`, `first_mut` / `last_mut` / `get_mut`, `is_sorted*`, `repeat`.
 * Panics carry std's messages.
 */
import { cloneValue } from '../../interp/clone';
import type { InterpCore } from '../../interp/core';
import { ArrayPlace } from '../../interp/frame';
import { callFn, run } from '../../interp/iter-protocol';
import { ListIter } from '../../interp/iter-sources';
import { compare, equals } from '../../interp/ops';
import { defineMethods, type CallCtx, type MethodImpl } from '../../interp/registry';
import type { Gen, NativeResult } from '../../poll';
import {
  deref,
  errVal,
  isCopy,
  NONE,
  okVal,
  REnum,
  RRange,
  RRef,
  RTuple,
  RVec,
  some,
  UNIT,
  type Value,
} from '../../values';
import { slotsBytes } from '../../memory';
import { refTo } from './iter/adapters';
import { rotateInPlace } from '../support';

function vecOf(self: Value): RVec {
  return deref(self) as RVec;
}

function index(ctx: CallCtx, v: Value | undefined): number {
  const n = deref(v ?? 0);
  if (typeof n === 'number') return n;
  // Beyond 2^53 (a bigint): larger than any length, so the nearest number keeps every comparison.
  if (typeof n === 'bigint') return Number(n);
  return ctx.interp.unsupported('expected an index');
}

/** A shared or mutable reference to an element (Copy elements are themselves when shared). */
function elemRef(items: Value[], i: number, mut: boolean): Value {
  const x = items[i]!;
  return !mut && isCopy(x) ? x : new RRef(new ArrayPlace(items, i), mut);
}

/** The sign of an `Ordering` value. */
export function orderingSign(cx: InterpCore, v: Value): number {
  const o = deref(v);
  if (o instanceof REnum && o.enumName === 'Ordering')
    return o.variant === 'Less' ? -1 : o.variant === 'Greater' ? 1 : 0;
  return cx.unsupported('the comparison closure must return an `Ordering`');
}

/** A stable merge sort whose comparison may run user code (and so may suspend). */
export function* mergeSort(items: Value[], cmp: (a: Value, b: Value) => Gen<number>): Gen<Value[]> {
  if (items.length < 2) return items;
  const mid = items.length >> 1;
  const left = yield* mergeSort(items.slice(0, mid), cmp);
  const right = yield* mergeSort(items.slice(mid), cmp);
  const out: Value[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    // Take from the right only when strictly smaller: equal elements keep their order.
    if ((yield* cmp(right[j]!, left[i]!)) < 0) out.push(right[j++]!);
    else out.push(left[i++]!);
  }
  while (i < left.length) out.push(left[i++]!);
  while (j < right.length) out.push(right[j++]!);
  return out;
}

function sortWith(_ctx: CallCtx, self: Value, cmp: (a: Value, b: Value) => Gen<number>): NativeResult {
  const v = vecOf(self);
  return (function* () {
    v.items = yield* mergeSort(v.items, cmp);
    return UNIT;
  })();
}

const byClosure = (ctx: CallCtx, f: Value) =>
  function* (a: Value, b: Value): Gen<number> {
    return orderingSign(ctx.interp, yield* run(callFn(ctx.interp, f, [refTo(a), refTo(b)])));
  };

const byKey = (ctx: CallCtx, f: Value) =>
  function* (a: Value, b: Value): Gen<number> {
    const ka = yield* run(callFn(ctx.interp, f, [refTo(a)]));
    const kb = yield* run(callFn(ctx.interp, f, [refTo(b)]));
    return compare(ka, kb, (m) => ctx.interp.panic(m));
  };

/** slice/mod.rs `binary_search_by`: a fixed number of halvings, then one last comparison. */
function* binarySearch(items: Value[], cmpTo: (x: Value) => number | Gen<number>): Gen<Value> {
  let size = items.length;
  if (size === 0) return errVal(0);
  let base = 0;
  while (size > 1) {
    const half = size >> 1;
    const mid = base + half;
    if ((yield* run(cmpTo(items[mid]!))) <= 0) base = mid;
    size -= half;
  }
  const c = yield* run(cmpTo(items[base]!));
  if (c === 0) return okVal(base);
  return errVal(base + (c < 0 ? 1 : 0));
}

function chunkList(ctx: CallCtx, items: Value[], n: number, exact: boolean, fromEnd: boolean): Value[] {
  if (n === 0) return ctx.interp.panic('chunk size must be non-zero');
  const out: Value[] = [];
  if (!fromEnd) {
    for (let i = 0; i + (exact ? n : 1) <= items.length; i += n) out.push(new RVec(items.slice(i, i + n)));
  } else {
    for (let end = items.length; end - (exact ? n : 1) >= 0; end -= n)
      out.push(new RVec(items.slice(Math.max(0, end - n), end)));
  }
  return out;
}

function seqOf(v: Value): Value[] | null {
  const x = deref(v);
  return x instanceof RVec ? x.items : null;
}

const SLICE_METHODS: Record<string, MethodImpl> = {
  sort_by: (ctx, s, [f]) => sortWith(ctx, s, byClosure(ctx, f!)),
  sort_unstable_by: (ctx, s, [f]) => sortWith(ctx, s, byClosure(ctx, f!)),
  sort_by_key: (ctx, s, [f]) => sortWith(ctx, s, byKey(ctx, f!)),
  sort_by_cached_key: (ctx, s, [f]) => sortWith(ctx, s, byKey(ctx, f!)),
  sort_unstable_by_key: (ctx, s, [f]) => sortWith(ctx, s, byKey(ctx, f!)),
  dedup: (ctx, s) => {
    const v = vecOf(s);
    const keep: Value[] = [];
    for (const x of v.items) {
      if (keep.length && equals(keep[keep.length - 1]!, x)) ctx.interp.dropValue(x);
      else keep.push(x);
    }
    v.items = keep;
    return UNIT;
  },
  dedup_by_key: (ctx, s, [f]) => {
    const v = vecOf(s);
    return (function* () {
      const keep: Value[] = [];
      let lastKey: Value | null = null;
      for (const x of v.items) {
        const k = yield* run(callFn(ctx.interp, f!, [new RRef(new ArrayPlace([x], 0), true)]));
        if (keep.length && equals(lastKey!, k)) ctx.interp.dropValue(x);
        else {
          keep.push(x);
          lastKey = k;
        }
      }
      v.items = keep;
      return UNIT;
    })();
  },
  /** `dedup_by(|a, b| ..)`: `a` is the candidate, `b` the last kept element. */
  dedup_by: (ctx, s, [f]) => {
    const v = vecOf(s);
    return (function* () {
      const keep: Value[] = [];
      for (const x of v.items) {
        const drop =
          keep.length > 0 &&
          deref(
            yield* run(
              callFn(ctx.interp, f!, [
                new RRef(new ArrayPlace([x], 0), true),
                new RRef(new ArrayPlace(keep, keep.length - 1), true),
              ]),
            ),
          ) === true;
        if (drop) ctx.interp.dropValue(x);
        else keep.push(x);
      }
      v.items = keep;
      return UNIT;
    })();
  },
  windows: (ctx, s, [n]) => {
    const items = vecOf(s).items;
    const k = index(ctx, n);
    if (k === 0) return ctx.interp.panic('window size must be non-zero');
    const out: Value[] = [];
    for (let i = 0; i + k <= items.length; i++) out.push(new RVec(items.slice(i, i + k)));
    return new ListIter(out, 'Windows', false);
  },
  chunks: (ctx, s, [n]) =>
    new ListIter(chunkList(ctx, vecOf(s).items, index(ctx, n), false, false), 'Chunks', false),
  chunks_exact: (ctx, s, [n]) =>
    new ListIter(chunkList(ctx, vecOf(s).items, index(ctx, n), true, false), 'ChunksExact', false),
  rchunks: (ctx, s, [n]) =>
    new ListIter(chunkList(ctx, vecOf(s).items, index(ctx, n), false, true), 'RChunks', false),
  binary_search: (ctx, s, [x]) =>
    binarySearch(vecOf(s).items, (e) => compare(e, x!, (m) => ctx.interp.panic(m))),
  binary_search_by: (ctx, s, [f]) =>
    binarySearch(vecOf(s).items, function* (e) {
      return orderingSign(ctx.interp, yield* run(callFn(ctx.interp, f!, [refTo(e)])));
    }),
  binary_search_by_key: (ctx, s, [key, f]) =>
    binarySearch(vecOf(s).items, function* (e) {
      const k = yield* run(callFn(ctx.interp, f!, [refTo(e)]));
      return compare(k, key!, (m) => ctx.interp.panic(m));
    }),
  partition_point: (ctx, s, [f]) => {
    const g = binarySearch(vecOf(s).items, function* (e) {
      return deref(yield* run(callFn(ctx.interp, f!, [refTo(e)]))) === true ? -1 : 1;
    });
    return (function* () {
      const r = (yield* g) as REnum;
      return r.values[0]!;
    })();
  },
  split_at: (ctx, s, [n]) => {
    const items = vecOf(s).items;
    const mid = index(ctx, n);
    if (mid > items.length) return ctx.interp.panic('mid > len');
    return new RTuple([new RVec(items.slice(0, mid)), new RVec(items.slice(mid))]);
  },
  split_first: (_c, s) => {
    const items = vecOf(s).items;
    return items.length ? some(new RTuple([elemRef(items, 0, false), new RVec(items.slice(1))])) : NONE;
  },
  split_last: (_c, s) => {
    const items = vecOf(s).items;
    const n = items.length;
    return n ? some(new RTuple([elemRef(items, n - 1, false), new RVec(items.slice(0, n - 1))])) : NONE;
  },
  starts_with: (_c, s, [p]) => {
    const items = vecOf(s).items;
    const pre = seqOf(p!) ?? [];
    return pre.length <= items.length && pre.every((x, i) => equals(items[i]!, x));
  },
  ends_with: (_c, s, [p]) => {
    const items = vecOf(s).items;
    const suf = seqOf(p!) ?? [];
    const off = items.length - suf.length;
    return off >= 0 && suf.every((x, i) => equals(items[off + i]!, x));
  },
  get_mut: (ctx, s, [i]) => {
    const items = vecOf(s).items;
    const n = deref(i!);
    if (n instanceof RRange)
      return ctx.interp.unsupported('`get_mut(range)` is not supported by Pollscope yet');
    const k = index(ctx, n);
    return k >= 0 && k < items.length ? some(elemRef(items, k, true)) : NONE;
  },
  first_mut: (_c, s) => {
    const items = vecOf(s).items;
    return items.length ? some(elemRef(items, 0, true)) : NONE;
  },
  last_mut: (_c, s) => {
    const items = vecOf(s).items;
    return items.length ? some(elemRef(items, items.length - 1, true)) : NONE;
  },
  resize: (ctx, s, [n, x]) => {
    const v = vecOf(s);
    const len = index(ctx, n);
    if (len < v.items.length) for (const d of v.items.splice(len)) ctx.interp.dropValue(d);
    else {
      const start = v.items.length;
      // The program chooses the length: checked against the memory budget before the engine is asked for it.
      ctx.world.memory.reserve(slotsBytes(len - start, x));
      for (let i = start; i < len; i++) v.items.push(i === len - 1 ? x! : cloneValue(ctx.interp, x!));
      if (len === start) ctx.interp.dropValue(x!);
    }
    return UNIT;
  },
  resize_with: (ctx, s, [n, f]) => {
    const v = vecOf(s);
    const len = index(ctx, n);
    return (function* () {
      if (len < v.items.length) for (const d of v.items.splice(len)) ctx.interp.dropValue(d);
      while (v.items.length < len) v.items.push(yield* run(callFn(ctx.interp, f!, [])));
      return UNIT;
    })();
  },
  fill: (ctx, s, [x]) => {
    const v = vecOf(s);
    for (let i = 0; i < v.items.length; i++) {
      ctx.interp.dropValue(v.items[i]!);
      v.items[i] = i === v.items.length - 1 ? x! : cloneValue(ctx.interp, x!);
    }
    return UNIT;
  },
  rotate_left: (ctx, s, [k]) => {
    const v = vecOf(s);
    const n = index(ctx, k);
    if (n > v.items.length) return ctx.interp.panic('assertion failed: mid <= self.len()');
    rotateInPlace(v.items, n);
    return UNIT;
  },
  rotate_right: (ctx, s, [k]) => {
    const v = vecOf(s);
    const n = index(ctx, k);
    if (n > v.items.length) return ctx.interp.panic('assertion failed: k <= self.len()');
    rotateInPlace(v.items, v.items.length - n);
    return UNIT;
  },
  split_off: (ctx, s, [k]) => {
    const v = vecOf(s);
    const at = index(ctx, k);
    if (at > v.items.length)
      return ctx.interp.panic(`\`at\` split index (is ${at}) should be <= len (is ${v.items.length})`);
    return new RVec(v.items.splice(at));
  },
  is_sorted: (ctx, s) => {
    const items = vecOf(s).items;
    return items.every((x, i) => i === 0 || compare(items[i - 1]!, x, (m) => ctx.interp.panic(m)) <= 0);
  },
  is_sorted_by_key: (ctx, s, [f]) => {
    const items = vecOf(s).items;
    return (function* () {
      let prev: Value | null = null;
      for (const x of items) {
        const k = yield* run(callFn(ctx.interp, f!, [refTo(x)]));
        if (prev !== null && compare(prev, k, (m) => ctx.interp.panic(m)) > 0) return false;
        prev = k;
      }
      return true;
    })();
  },
  repeat: (ctx, s, [n]) => {
    const items = vecOf(s).items;
    const out: Value[] = [];
    for (let i = 0; i < index(ctx, n); i++) for (const x of items) out.push(cloneValue(ctx.interp, x));
    return new RVec(out);
  },
  copy_from_slice: (ctx, s, [src]) => {
    const v = vecOf(s);
    const from = seqOf(src!) ?? [];
    if (from.length !== v.items.length)
      return ctx.interp.panic(
        `copy_from_slice: source slice length (${from.length}) does not match destination slice length (${v.items.length})`,
      );
    for (let i = 0; i < from.length; i++) v.items[i] = deref(from[i]!);
    return UNIT;
  },
  clone_from_slice: (ctx, s, [src]) => {
    const v = vecOf(s);
    const from = seqOf(src!) ?? [];
    for (let i = 0; i < Math.min(from.length, v.items.length); i++)
      v.items[i] = cloneValue(ctx.interp, deref(from[i]!));
    return UNIT;
  },
  into_boxed_slice: (_c, s) => s,
  retain_mut: (ctx, s, [f]) => {
    const v = vecOf(s);
    return (function* () {
      const keep: Value[] = [];
      for (let i = 0; i < v.items.length; i++) {
        const k = yield* run(callFn(ctx.interp, f!, [new RRef(new ArrayPlace(v.items, i), true)]));
        if (deref(k) === true) keep.push(v.items[i]!);
        else ctx.interp.dropValue(v.items[i]!);
      }
      v.items = keep;
      return UNIT;
    })();
  },
};

defineMethods(RVec, 'std::vec::Vec / slice', SLICE_METHODS);
