/**
 * Iterator adapters that call no closure (core/src/iter/adapters/*.rs): `enumerate`, `zip`, `chain`,
 * `take`, `skip`, `step_by`, `rev`, `fuse`, `cycle`, `cloned`/`copied`, `peekable`. They pull with plain
 * calls, and make a generator only when the iterator below them suspended.
 */
import type { InterpCore } from '../../../interp/core';
import type { RIter } from '../../../interp/iter-protocol';
import { DONE, pull, pullBack, settle, andThen, type Pull, type Step } from '../../../interp/iter-protocol';
import type { Gen } from '../../../poll';
import { RTuple, type Value } from '../../../values';
import { Adapter } from './adapters';

export class EnumerateIter extends Adapter {
  constructor(
    inner: RIter,
    private count = 0,
  ) {
    super(inner);
  }
  typeName(): string {
    return 'Enumerate';
  }
  next(cx: InterpCore): Pull {
    return andThen(this.inner.next(cx), (v) => (v === DONE ? DONE : new RTuple([this.count++, v])));
  }
  override nextBack(cx: InterpCore): Pull {
    const len = this.inner.exactLen();
    if (len === null) return cx.unsupported('`.rev()` of `enumerate()` needs an iterator of known length');
    return andThen(this.inner.nextBack(cx), (v) =>
      v === DONE ? DONE : new RTuple([this.count + len - 1, v]),
    );
  }
  override exactLen(): number | null {
    return this.inner.exactLen();
  }
  override sizeHint(): [number, number | null] {
    return this.inner.sizeHint();
  }
  override fork(cx: InterpCore): RIter | null {
    const i = this.inner.fork(cx);
    return i && new EnumerateIter(i, this.count);
  }
}

export class ZipIter extends Adapter {
  constructor(
    inner: RIter,
    private readonly other: RIter,
  ) {
    super(inner, [other]);
  }
  typeName(): string {
    return 'Zip';
  }
  next(cx: InterpCore): Pull {
    return andThen(this.inner.next(cx), (a) => {
      if (a === DONE) return DONE;
      return andThen(this.other.next(cx), (b) => {
        if (b !== DONE) return new RTuple([a, b]);
        cx.dropValue(a);
        return DONE;
      });
    });
  }
  override isDoubleEnded(): boolean {
    return this.inner.isDoubleEnded() && this.other.isDoubleEnded();
  }
  override nextBack(cx: InterpCore): Pull {
    return settle(this.backGen(cx));
  }
  /** zip.rs `next_back`: first trim the longer side so both end together. */
  private *backGen(cx: InterpCore): Gen<Step> {
    const la = this.inner.exactLen();
    const lb = this.other.exactLen();
    if (la === null || lb === null)
      return cx.unsupported('`.rev()` of `zip()` needs iterators of known length');
    for (let i = lb; i < la; i++) cx.dropValue((yield* pullBack(cx, this.inner)) as Value);
    for (let i = la; i < lb; i++) cx.dropValue((yield* pullBack(cx, this.other)) as Value);
    const a = yield* pullBack(cx, this.inner);
    const b = yield* pullBack(cx, this.other);
    return a === DONE || b === DONE ? DONE : new RTuple([a, b]);
  }
  override exactLen(): number | null {
    const a = this.inner.exactLen();
    const b = this.other.exactLen();
    return a === null || b === null ? null : Math.min(a, b);
  }
  override sizeHint(): [number, number | null] {
    const [al, ah] = this.inner.sizeHint();
    const [bl, bh] = this.other.sizeHint();
    return [Math.min(al, bl), ah === null ? bh : bh === null ? ah : Math.min(ah, bh)];
  }
  override fork(cx: InterpCore): RIter | null {
    const a = this.inner.fork(cx);
    const b = this.other.fork(cx);
    return a && b && new ZipIter(a, b);
  }
}

export class ChainIter extends Adapter {
  private aDone = false;
  private bDone = false;
  constructor(
    inner: RIter,
    private readonly other: RIter,
  ) {
    super(inner, [other]);
  }
  typeName(): string {
    return 'Chain';
  }
  next(cx: InterpCore): Pull {
    if (!this.aDone)
      return andThen(this.inner.next(cx), (v) => {
        if (v !== DONE) return v;
        this.aDone = true;
        return this.bDone ? DONE : this.other.next(cx);
      });
    return this.bDone ? DONE : this.other.next(cx);
  }
  override nextBack(cx: InterpCore): Pull {
    if (!this.bDone)
      return andThen(this.other.nextBack(cx), (v) => {
        if (v !== DONE) return v;
        this.bDone = true;
        return this.aDone ? DONE : this.inner.nextBack(cx);
      });
    return this.aDone ? DONE : this.inner.nextBack(cx);
  }
  override isDoubleEnded(): boolean {
    return this.inner.isDoubleEnded() && this.other.isDoubleEnded();
  }
  override exactLen(): number | null {
    const a = this.aDone ? 0 : this.inner.exactLen();
    const b = this.bDone ? 0 : this.other.exactLen();
    return a === null || b === null ? null : a + b;
  }
  override fork(cx: InterpCore): RIter | null {
    const a = this.inner.fork(cx);
    const b = this.other.fork(cx);
    if (!a || !b) return null;
    const c = new ChainIter(a, b);
    c.aDone = this.aDone;
    c.bDone = this.bDone;
    return c;
  }
}

export class TakeIter extends Adapter {
  constructor(
    inner: RIter,
    private n: number,
  ) {
    super(inner);
  }
  typeName(): string {
    return 'Take';
  }
  next(cx: InterpCore): Pull {
    if (this.n <= 0) return DONE;
    this.n--;
    return this.inner.next(cx);
  }
  override nextBack(cx: InterpCore): Pull {
    return settle(this.backGen(cx));
  }
  private *backGen(cx: InterpCore): Gen<Step> {
    if (this.n <= 0) return DONE;
    const len = this.inner.exactLen();
    if (len === null) return cx.unsupported('`.rev()` of `take(n)` needs an iterator of known length');
    for (let i = this.n; i < len; i++) cx.dropValue((yield* pullBack(cx, this.inner)) as Value);
    this.n--;
    return yield* pullBack(cx, this.inner);
  }
  override exactLen(): number | null {
    const l = this.inner.exactLen();
    return l === null ? null : Math.min(l, this.n);
  }
  override sizeHint(): [number, number | null] {
    const [lo, hi] = this.inner.sizeHint();
    return [Math.min(lo, this.n), hi === null ? this.n : Math.min(hi, this.n)];
  }
  override fork(cx: InterpCore): RIter | null {
    const i = this.inner.fork(cx);
    return i && new TakeIter(i, this.n);
  }
}

export class SkipIter extends Adapter {
  constructor(
    inner: RIter,
    private n: number,
  ) {
    super(inner);
  }
  typeName(): string {
    return 'Skip';
  }
  next(cx: InterpCore): Pull {
    if (this.n === 0) return this.inner.next(cx);
    return settle(this.skipThenNext(cx));
  }
  private *skipThenNext(cx: InterpCore): Gen<Step> {
    while (this.n > 0) {
      this.n--;
      const v = yield* pull(cx, this.inner);
      if (v === DONE) {
        this.n = 0;
        return DONE;
      }
      cx.dropValue(v);
    }
    return yield* pull(cx, this.inner);
  }
  override nextBack(cx: InterpCore): Pull {
    const len = this.exactLen();
    if (len === null) return cx.unsupported('`.rev()` of `skip(n)` needs an iterator of known length');
    return len > 0 ? this.inner.nextBack(cx) : DONE;
  }
  override exactLen(): number | null {
    const l = this.inner.exactLen();
    return l === null ? null : Math.max(0, l - this.n);
  }
  override fork(cx: InterpCore): RIter | null {
    const i = this.inner.fork(cx);
    return i && new SkipIter(i, this.n);
  }
}

/** `step_by(n)`: the first item, then every n-th (step_by.rs, with its `next_back_index`). */
export class StepByIter extends Adapter {
  private firstTake = true;
  /** Rust stores `step - 1`. */
  private readonly step: number;
  constructor(inner: RIter, step: number) {
    super(inner);
    this.step = step - 1;
  }
  typeName(): string {
    return 'StepBy';
  }
  next(cx: InterpCore): Pull {
    if (this.firstTake) {
      this.firstTake = false;
      return this.inner.next(cx);
    }
    return settle(nth(cx, this.inner, this.step));
  }
  override nextBack(cx: InterpCore): Pull {
    const len = this.inner.exactLen();
    if (len === null) return cx.unsupported('`.rev()` of `step_by(n)` needs an iterator of known length');
    const rem = len % (this.step + 1);
    const n = this.firstTake ? (rem === 0 ? this.step : rem - 1) : rem;
    return settle(nthBack(cx, this.inner, n));
  }
  override exactLen(): number | null {
    const l = this.inner.exactLen();
    if (l === null) return null;
    if (this.firstTake) return l === 0 ? 0 : 1 + Math.floor((l - 1) / (this.step + 1));
    return Math.floor(l / (this.step + 1));
  }
}

/** `nth(n)`: drops `n` items, then returns the next. */
export function* nth(cx: InterpCore, it: RIter, n: number): Gen<Step> {
  for (let i = 0; i < n; i++) {
    const v = yield* pull(cx, it);
    if (v === DONE) return DONE;
    cx.dropValue(v);
  }
  return yield* pull(cx, it);
}

export function* nthBack(cx: InterpCore, it: RIter, n: number): Gen<Step> {
  for (let i = 0; i < n; i++) {
    const v = yield* pullBack(cx, it);
    if (v === DONE) return DONE;
    cx.dropValue(v);
  }
  return yield* pullBack(cx, it);
}

export class RevIter extends Adapter {
  typeName(): string {
    return 'Rev';
  }
  next(cx: InterpCore): Pull {
    return this.inner.nextBack(cx);
  }
  override nextBack(cx: InterpCore): Pull {
    return this.inner.next(cx);
  }
  override exactLen(): number | null {
    return this.inner.exactLen();
  }
  override sizeHint(): [number, number | null] {
    return this.inner.sizeHint();
  }
  override fork(cx: InterpCore): RIter | null {
    const i = this.inner.fork(cx);
    return i && new RevIter(i);
  }
}

/** `fuse()`: after the first `None`, always `None`. */
export class FuseIter extends Adapter {
  private done = false;
  typeName(): string {
    return 'Fuse';
  }
  next(cx: InterpCore): Pull {
    if (this.done) return DONE;
    return andThen(this.inner.next(cx), (v) => {
      if (v === DONE) this.done = true;
      return v;
    });
  }
  override nextBack(cx: InterpCore): Pull {
    if (this.done) return DONE;
    return andThen(this.inner.nextBack(cx), (v) => {
      if (v === DONE) this.done = true;
      return v;
    });
  }
  override exactLen(): number | null {
    return this.done ? 0 : this.inner.exactLen();
  }
}

/** `cycle()`: replays a clone of the original iterator each time the current one ends. */
export class CycleIter extends Adapter {
  private current: RIter;
  constructor(
    private readonly orig: RIter,
    cx: InterpCore,
  ) {
    super(orig);
    this.current =
      orig.fork(cx) ?? cx.unsupported(`\`${orig.typeName()}\` cannot be cloned, so it cannot cycle`);
  }
  typeName(): string {
    return 'Cycle';
  }
  override isDoubleEnded(): boolean {
    return false;
  }
  next(cx: InterpCore): Pull {
    return andThen(this.current.next(cx), (v) => {
      if (v !== DONE) return v;
      this.current = this.orig.fork(cx)!;
      // An empty original ends the cycle (cycle.rs returns the fresh clone's first `next`).
      return this.current.next(cx);
    });
  }
  override dropValue(interp: InterpCore): void {
    interp.dropValue(this.current);
    super.dropValue(interp);
  }
}

/** `cloned()` / `copied()`: items by value instead of by reference. */
export class ClonedIter extends Adapter {
  constructor(
    inner: RIter,
    private readonly copy: boolean,
    private readonly clone: (v: Value) => Value,
  ) {
    super(inner);
  }
  typeName(): string {
    return this.copy ? 'Copied' : 'Cloned';
  }
  next(cx: InterpCore): Pull {
    return andThen(this.inner.next(cx), (v) => (v === DONE ? DONE : this.clone(v)));
  }
  override nextBack(cx: InterpCore): Pull {
    return andThen(this.inner.nextBack(cx), (v) => (v === DONE ? DONE : this.clone(v)));
  }
  override exactLen(): number | null {
    return this.inner.exactLen();
  }
  override sizeHint(): [number, number | null] {
    return this.inner.sizeHint();
  }
  override fork(cx: InterpCore): RIter | null {
    const i = this.inner.fork(cx);
    return i && new ClonedIter(i, this.copy, this.clone);
  }
}

/** `peekable()`: one item of look-ahead (`peek`, `peek_mut`, `next_if`, `next_if_eq`). */
export class PeekableIter extends Adapter {
  /** The peeked item (`[DONE]` when the peek saw the end), or null when nothing is peeked. */
  peeked: [Step] | null = null;
  typeName(): string {
    return 'Peekable';
  }
  next(cx: InterpCore): Pull {
    if (this.peeked) {
      const [v] = this.peeked;
      this.peeked = null;
      return v;
    }
    return this.inner.next(cx);
  }
  override nextBack(cx: InterpCore): Pull {
    if (this.peeked && this.peeked[0] === DONE) return DONE;
    return andThen(this.inner.nextBack(cx), (v) => {
      if (v !== DONE || !this.peeked) return v;
      const [p] = this.peeked;
      this.peeked = null;
      return p;
    });
  }
  /** Fills the look-ahead slot (a pull) unless it is full. */
  fill(cx: InterpCore): Pull {
    if (this.peeked) return this.peeked[0];
    return andThen(this.inner.next(cx), (v) => {
      this.peeked = [v];
      return v;
    });
  }
  override exactLen(): number | null {
    const l = this.inner.exactLen();
    if (l === null) return null;
    return this.peeked ? (this.peeked[0] === DONE ? 0 : l + 1) : l;
  }
  override dropValue(interp: InterpCore): void {
    if (this.peeked && this.peeked[0] !== DONE) interp.dropValue(this.peeked[0]);
    super.dropValue(interp);
  }
}
