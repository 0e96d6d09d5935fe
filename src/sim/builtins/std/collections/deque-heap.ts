/**
 * `VecDeque` and `BinaryHeap` (alloc/collections/{vec_deque,binary_heap}). Both keep their items in one
 * array, so they are `RVec`s underneath and share the slice methods where std gives them the same ones
 * (`len`, `iter`, `contains`, `retain`, indexing …). `{:?}` of a heap shows its internal array, which is
 * what std prints, so the heap moves items exactly as std's `sift_up`, `sift_down_range`,
 * `sift_down_to_bottom`, `rebuild` and `rebuild_tail` do.
 */
import type { InterpCore } from '../../../interp/core';
import { ArrayPlace } from '../../../interp/frame';
import { drain, intoIter } from '../../../interp/iterate';
import { ListIter } from '../../../interp/iter-sources';
import { compare } from '../../../interp/ops';
import { defineFn, defineMethods, withPrefixes } from '../../../interp/registry';
import { deref, isCopy, NONE, RRef, RVec, some, UNIT, type Place, type Value } from '../../../values';
import { pure, rotateInPlace } from '../../support';
import { registerDefault } from '../default';
import { registerFromIter } from '../iter/collect';

export class RVecDeque extends RVec {
  constructor(items: Value[]) {
    super(items, false);
  }
  override typeName(): string {
    return super.typeName().replace(/^Vec/, 'VecDeque');
  }
  /** `deque[i]`: std's panic is "Out of bounds access". */
  indexPlace(cx: InterpCore, idx: Value): Place {
    const i = deref(idx);
    if (typeof i !== 'number' || i < 0 || i >= this.items.length) return cx.panic('Out of bounds access');
    return new ArrayPlace(this.items, i);
  }
}

export class RBinaryHeap extends RVec {
  constructor(items: Value[]) {
    super(items, false);
  }
  override typeName(): string {
    return super.typeName().replace(/^Vec/, 'BinaryHeap');
  }
}

const elemRef = (items: Value[], i: number, mut: boolean): Value =>
  !mut && isCopy(items[i]!) ? items[i]! : new RRef(new ArrayPlace(items, i), mut);
const dq = (v: Value) => deref(v) as RVecDeque;
const heapOf = (v: Value) => deref(v) as RBinaryHeap;
const num = (v: Value | undefined) => deref(v ?? 0) as number;

const DEQUE = ['std::collections', 'std::collections::vec_deque'];
for (const ctor of ['new', 'with_capacity', 'default'])
  defineFn(withPrefixes(`VecDeque::${ctor}`, DEQUE), { pure, call: () => new RVecDeque([]) });
defineFn(withPrefixes('VecDeque::from', DEQUE), {
  pure,
  call: (_c, [v]) => new RVecDeque([...(deref(v!) as RVec).items]),
});
registerFromIter('VecDeque', (_cx, items) => new RVecDeque(items));
registerDefault('VecDeque', () => new RVecDeque([]));

defineMethods(RVecDeque, 'std::collections::VecDeque', {
  push_back: (_c, s, [v]) => {
    dq(s).items.push(v!);
    return UNIT;
  },
  push_front: (_c, s, [v]) => {
    dq(s).items.unshift(v!);
    return UNIT;
  },
  pop_back: (_c, s) => {
    const d = dq(s);
    return d.items.length ? some(d.items.pop()!) : NONE;
  },
  pop_front: (_c, s) => {
    const d = dq(s);
    return d.items.length ? some(d.items.shift()!) : NONE;
  },
  front: (_c, s) => (dq(s).items.length ? some(elemRef(dq(s).items, 0, false)) : NONE),
  back: (_c, s) => (dq(s).items.length ? some(elemRef(dq(s).items, dq(s).items.length - 1, false)) : NONE),
  front_mut: (_c, s) => (dq(s).items.length ? some(elemRef(dq(s).items, 0, true)) : NONE),
  back_mut: (_c, s) => (dq(s).items.length ? some(elemRef(dq(s).items, dq(s).items.length - 1, true)) : NONE),
  remove: (_c, s, [i]) => {
    const d = dq(s);
    const n = num(i);
    return n < d.items.length ? some(d.items.splice(n, 1)[0]!) : NONE;
  },
  insert: (ctx, s, [i, v]) => {
    const d = dq(s);
    const n = num(i);
    if (n > d.items.length) return ctx.interp.panic('index out of bounds');
    d.items.splice(n, 0, v!);
    return UNIT;
  },
  rotate_left: (ctx, s, [k]) => {
    const d = dq(s);
    const n = num(k);
    if (n > d.items.length) return ctx.interp.panic('assertion failed: n <= self.len()');
    rotateInPlace(d.items, n);
    return UNIT;
  },
  rotate_right: (ctx, s, [k]) => {
    const d = dq(s);
    const n = num(k);
    if (n > d.items.length) return ctx.interp.panic('assertion failed: n <= self.len()');
    rotateInPlace(d.items, d.items.length - n);
    return UNIT;
  },
  /** The items as one slice, in order (it shares the deque's storage). */
  make_contiguous: (_c, s) => new RRef({ get: () => new RVec(dq(s).items), set: () => {} }, true),
  as_slices: (_c, s) => new RVec([new RVec(dq(s).items), new RVec([])]),
  swap_remove_back: (_c, s, [i]) => {
    const d = dq(s);
    const n = num(i);
    if (n >= d.items.length) return NONE;
    const x = d.items[n]!;
    d.items[n] = d.items[d.items.length - 1]!;
    d.items.pop();
    return some(x);
  },
});

// ---------------------------------------------------------------------------------------- BinaryHeap

/** `a <= b` by `Ord`. */
function le(cx: InterpCore, a: Value, b: Value): boolean {
  return compare(a, b, (m) => cx.panic(m)) <= 0;
}

/** binary_heap/mod.rs `sift_up`: moves the item at `pos` up while it is greater than its parent. */
function siftUp(cx: InterpCore, d: Value[], start: number, pos: number): number {
  const elem = d[pos]!;
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (le(cx, elem, d[parent]!)) break;
    d[pos] = d[parent]!;
    pos = parent;
  }
  d[pos] = elem;
  return pos;
}

/** `sift_down_range`: moves the item at `pos` down below its greater children, within `end`. */
function siftDownRange(cx: InterpCore, d: Value[], pos: number, end: number): void {
  const elem = d[pos]!;
  let child = 2 * pos + 1;
  while (child <= Math.max(0, end - 2)) {
    if (le(cx, d[child]!, d[child + 1]!)) child++;
    if (compare(elem, d[child]!, (m) => cx.panic(m)) >= 0) {
      d[pos] = elem;
      return;
    }
    d[pos] = d[child]!;
    pos = child;
    child = 2 * pos + 1;
  }
  if (child === end - 1 && compare(elem, d[child]!, (m) => cx.panic(m)) < 0) {
    d[pos] = d[child]!;
    pos = child;
  }
  d[pos] = elem;
}

/** `sift_down_to_bottom` (after `pop`): all the way down, then back up. */
function siftDownToBottom(cx: InterpCore, d: Value[], pos: number): void {
  const end = d.length;
  const start = pos;
  const elem = d[pos]!;
  let child = 2 * pos + 1;
  while (child <= Math.max(0, end - 2)) {
    if (le(cx, d[child]!, d[child + 1]!)) child++;
    d[pos] = d[child]!;
    pos = child;
    child = 2 * pos + 1;
  }
  if (child === end - 1) {
    d[pos] = d[child]!;
    pos = child;
  }
  d[pos] = elem;
  siftUp(cx, d, start, pos);
}

/** `rebuild`: heapify the whole array. */
function rebuild(cx: InterpCore, d: Value[]): void {
  for (let n = d.length >> 1; n > 0;) {
    n--;
    siftDownRange(cx, d, n, d.length);
  }
}

/** `rebuild_tail(start)`: restore the heap after items were appended from `start`. */
function rebuildTail(cx: InterpCore, d: Value[], start: number): void {
  if (start === d.length) return;
  const tail = d.length - start;
  const log2 = (x: number) => 31 - Math.clz32(x);
  const better =
    start < tail ? true : d.length <= 2048 ? 2 * d.length < tail * log2(start) : 2 * d.length < tail * 11;
  if (better) rebuild(cx, d);
  else for (let i = start; i < d.length; i++) siftUp(cx, d, 0, i);
}

export function heapFrom(cx: InterpCore, items: Value[]): RBinaryHeap {
  const h = new RBinaryHeap(items);
  rebuild(cx, h.items);
  return h;
}

const HEAP = ['std::collections', 'std::collections::binary_heap'];
for (const ctor of ['new', 'with_capacity', 'default'])
  defineFn(withPrefixes(`BinaryHeap::${ctor}`, HEAP), { pure, call: () => new RBinaryHeap([]) });
defineFn(withPrefixes('BinaryHeap::from', HEAP), {
  pure,
  call: (ctx, [v]) => heapFrom(ctx.interp, [...(deref(v!) as RVec).items]),
});
registerFromIter('BinaryHeap', (cx, items) => heapFrom(cx, items));
registerDefault('BinaryHeap', () => new RBinaryHeap([]));

defineMethods(RBinaryHeap, 'std::collections::BinaryHeap', {
  push: (ctx, s, [v]) => {
    const d = heapOf(s).items;
    d.push(v!);
    siftUp(ctx.interp, d, 0, d.length - 1);
    return UNIT;
  },
  pop: (ctx, s) => {
    const d = heapOf(s).items;
    if (!d.length) return NONE;
    let item = d.pop()!;
    if (d.length) {
      [item, d[0]] = [d[0]!, item];
      siftDownToBottom(ctx.interp, d, 0);
    }
    return some(item);
  },
  peek: (_c, s) => (heapOf(s).items.length ? some(elemRef(heapOf(s).items, 0, false)) : NONE),
  into_sorted_vec: (ctx, s) => {
    ctx.consume();
    const d = [...heapOf(s).items];
    for (let end = d.length; end > 1;) {
      end--;
      [d[0], d[end]] = [d[end]!, d[0]!];
      siftDownRange(ctx.interp, d, 0, end);
    }
    return new RVec(d);
  },
  into_vec: (ctx, s) => {
    ctx.consume();
    return new RVec([...heapOf(s).items]);
  },
  extend: (ctx, s, [src]) => {
    const d = heapOf(s).items;
    const it = intoIter(ctx.interp, src!);
    return (function* () {
      const start = d.length;
      for (const x of yield* drain(ctx.interp, it)) d.push(x);
      rebuildTail(ctx.interp, d, start);
      return UNIT;
    })();
  },
  append: (ctx, s, [o]) => {
    const h = heapOf(s);
    const other = heapOf(o!);
    if (h.items.length < other.items.length) [h.items, other.items] = [other.items, h.items];
    const start = h.items.length;
    for (const x of other.items.splice(0)) h.items.push(x);
    rebuildTail(ctx.interp, h.items, start);
    return UNIT;
  },
  drain: (_c, s) => new ListIter(heapOf(s).items.splice(0), 'Drain'),
});
