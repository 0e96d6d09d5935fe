/**
 * Stream adapters, each polling its inner stream as the crates do (futures-util 0.3.21 `stream/stream/*.rs`,
 * tokio-stream 0.1.9 `stream_ext/*.rs`). Where the two `StreamExt` traits differ — futures' `filter` and
 * `fold` take async closures, tokio_stream's plain ones — the adapter awaits what the closure returned when
 * it is a future and uses it directly otherwise, so both traits' programs run.
 */
import type { Span } from '../../../lang/diagnostics';
import type { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, errVal, NONE, okVal, REnum, RRef, RTuple, some, TempPlace, type Value } from '../../values';
import type { World } from '../../world';
import { Elapsed, SleepFuture } from '../tokio/time';
import { asFutureOrValue, callNow, isNone, isSome, pollFut, SimStream } from './stream';

function isFut(v: unknown): v is SimFuture {
  return typeof v === 'object' && v !== null && 'pollInner' in v;
}

const refTo = (v: Value): RRef => new RRef(new TempPlace(v), false);

abstract class Adapter extends SimStream {
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    protected readonly inner: SimStream,
  ) {
    super(world, interp, sp);
  }
  override sizeHint(): [number, number | null] {
    return this.inner.sizeHint();
  }
  override dropValue(interp: InterpCore): void {
    this.inner.dropValue(interp);
  }
}

/** `map(f)`: `f(item)` for each item. */
export class MapStream extends Adapter {
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    private readonly f: Value,
  ) {
    super(world, interp, sp, inner);
  }
  typeName(): string {
    return 'Map';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const r = this.inner.pollNext(cx, owner);
    if (!isSome(r)) return r;
    return some(callNow(this.interp, this.f, [r.values[0]!], this.span));
  }
}

/**
 * `filter(f)` / `filter_map(f)`: pulls until an item passes. futures' versions keep the closure's future
 * (and the item) across polls until it is ready.
 */
export class FilterStream extends Adapter {
  private pending: { fut: SimFuture; item: Value } | null = null;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    private readonly f: Value,
    private readonly mapping: boolean,
  ) {
    super(world, interp, sp, inner);
  }
  typeName(): string {
    return this.mapping ? 'FilterMap' : 'Filter';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    for (;;) {
      let verdict: Value;
      let item: Value;
      if (this.pending) {
        const r = pollFut(this.world, owner, this.pending.fut, cx);
        if (r === PENDING || r === BLOCKED) return r;
        item = this.pending.item;
        this.pending = null;
        verdict = r;
      } else {
        const r = this.inner.pollNext(cx, owner);
        if (!isSome(r)) return r;
        item = r.values[0]!;
        const out = asFutureOrValue(
          this.interp,
          callNow(this.interp, this.f, [this.mapping ? item : refTo(item)], this.span),
          this.span,
        );
        if (isFut(out)) {
          this.pending = { fut: out, item };
          continue;
        }
        verdict = out;
      }
      const v = deref(verdict);
      if (this.mapping) {
        if (v instanceof REnum && v.variant === 'Some') return some(v.values[0]!);
        continue;
      }
      if (v === true) return some(item);
      this.interp.dropValue(item);
    }
  }
  override sizeHint(): [number, number | null] {
    return [0, this.inner.sizeHint()[1]];
  }
  override dropValue(interp: InterpCore): void {
    this.pending?.fut.drop();
    super.dropValue(interp);
  }
}

/** futures' `then(f)`: one future per item, polled to completion before the next item is pulled. */
export class ThenStream extends Adapter {
  private fut: SimFuture | null = null;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    private readonly f: Value,
  ) {
    super(world, interp, sp, inner);
  }
  typeName(): string {
    return 'Then';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (!this.fut) {
      const r = this.inner.pollNext(cx, owner);
      if (!isSome(r)) return r;
      const out = asFutureOrValue(
        this.interp,
        callNow(this.interp, this.f, [r.values[0]!], this.span),
        this.span,
      );
      if (!isFut(out))
        return this.interp.unsupported('the closure given to `then` must return a future', this.span);
      this.fut = out;
    }
    const r = pollFut(this.world, owner, this.fut, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.fut.drop();
    this.fut = null;
    return some(r);
  }
  override dropValue(interp: InterpCore): void {
    this.fut?.drop();
    super.dropValue(interp);
  }
}

/** `take(n)` / `skip(n)`. */
export class TakeSkipStream extends Adapter {
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    private n: number,
    private readonly take: boolean,
  ) {
    super(world, interp, sp, inner);
  }
  typeName(): string {
    return this.take ? 'Take' : 'Skip';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.take) {
      if (this.n === 0) return NONE;
      const r = this.inner.pollNext(cx, owner);
      if (isSome(r)) this.n--;
      else if (isNone(r)) this.n = 0;
      return r;
    }
    for (;;) {
      const r = this.inner.pollNext(cx, owner);
      if (!isSome(r) || this.n === 0) return r;
      this.n--;
      this.interp.dropValue(r.values[0]!);
    }
  }
  override sizeHint(): [number, number | null] {
    const [lo, hi] = this.inner.sizeHint();
    if (this.take) return [Math.min(lo, this.n), hi === null ? this.n : Math.min(hi, this.n)];
    return [Math.max(0, lo - this.n), hi === null ? null : Math.max(0, hi - this.n)];
  }
}

/** `enumerate()`. */
export class EnumerateStream extends Adapter {
  private count = 0;
  typeName(): string {
    return 'Enumerate';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const r = this.inner.pollNext(cx, owner);
    if (!isSome(r)) return r;
    return some(new RTuple([this.count++, r.values[0]!]));
  }
}

/** `fuse()`: `None` forever once the inner stream ended. */
export class FuseStream extends Adapter {
  done = false;
  typeName(): string {
    return 'Fuse';
  }
  override isTerminated(): boolean {
    return this.done;
  }
  override get fusedStream(): boolean {
    return true;
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.done) return NONE;
    const r = this.inner.pollNext(cx, owner);
    if (isNone(r)) this.done = true;
    return r;
  }
}

/** `chain(other)`: the first stream to its end, then the second. */
export class ChainStream extends Adapter {
  private firstDone = false;
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    private readonly second: SimStream,
  ) {
    super(world, interp, sp, inner);
  }
  typeName(): string {
    return 'Chain';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (!this.firstDone) {
      const r = this.inner.pollNext(cx, owner);
      if (!isNone(r)) return r;
      this.firstDone = true;
    }
    return this.second.pollNext(cx, owner);
  }
  override dropValue(interp: InterpCore): void {
    super.dropValue(interp);
    this.second.dropValue(interp);
  }
}

/**
 * tokio_stream's `merge(other)` (`merge.rs`): alternates which stream is polled first on every poll; ends
 * when both have ended. Each side is fused.
 */
export class MergeStream extends Adapter {
  private aFirst = true;
  private readonly a: FuseStream;
  private readonly b: FuseStream;
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    other: SimStream,
    /** futures' `stream::select` polls the same way (`select_with_strategy` with round robin). */
    private readonly name: 'Merge' | 'Select' = 'Merge',
  ) {
    super(world, interp, sp, inner);
    this.a = new FuseStream(world, interp, sp, inner);
    this.b = new FuseStream(world, interp, sp, other);
  }
  typeName(): string {
    return this.name;
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const aFirst = this.aFirst;
    this.aFirst = !aFirst;
    const [first, second] = aFirst ? [this.a, this.b] : [this.b, this.a];
    let done = true;
    const r1 = first.pollNext(cx, owner);
    if (r1 === BLOCKED || isSome(r1)) return r1;
    if (r1 === PENDING) done = false;
    const r2 = second.pollNext(cx, owner);
    if (r2 === BLOCKED || isSome(r2)) return r2;
    if (r2 === PENDING) done = false;
    return done ? NONE : PENDING;
  }
  override dropValue(interp: InterpCore): void {
    this.a.dropValue(interp);
    this.b.dropValue(interp);
  }
}

/**
 * tokio_stream's `timeout(d)` (`timeout.rs`): an item resets the deadline to now + d; while the stream is
 * pending, the deadline is polled, and when it fires the stream yields `Err(Elapsed)` once and waits for
 * the next item (the deadline is not polled again until an item arrives).
 */
export class TimeoutStream extends Adapter {
  private readonly fused: FuseStream;
  private readonly deadline: SleepFuture;
  private pollDeadline = true;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    private readonly ns: number,
  ) {
    super(world, interp, sp, inner);
    this.fused = new FuseStream(world, interp, sp, inner);
    this.deadline = new SleepFuture(world, world.time.now() + ns, sp.start, 'stream timeout');
  }
  typeName(): string {
    return 'Timeout';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const r = this.fused.pollNext(cx, owner);
    if (r === BLOCKED) return r;
    if (r !== PENDING) {
      if (isSome(r)) {
        this.deadline.reset(this.world.time.now() + this.ns, cx.task.id);
        this.pollDeadline = true;
        return some(okVal(r.values[0]!));
      }
      return r;
    }
    if (this.pollDeadline) {
      const d = pollFut(this.world, owner, this.deadline, cx);
      if (d === PENDING || d === BLOCKED) return d;
      this.pollDeadline = false;
      return some(errVal(new Elapsed()));
    }
    return PENDING;
  }
  override sizeHint(): [number, number | null] {
    const [lo, hi] = this.inner.sizeHint();
    return [lo, hi === null ? null : hi * 2 + 1];
  }
  override dropValue(interp: InterpCore): void {
    this.deadline.drop();
    super.dropValue(interp);
  }
}

/**
 * tokio_stream's `throttle(d)` (`throttle.rs`): before each item after the first, waits until d after the
 * previous item; the delay starts armed at now + d but `has_delayed` starts true, so the first item is
 * not delayed.
 */
export class ThrottleStream extends Adapter {
  private readonly delay: SleepFuture;
  private hasDelayed = true;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    inner: SimStream,
    private readonly ns: number,
  ) {
    super(world, interp, sp, inner);
    this.delay = new SleepFuture(world, world.time.now() + ns, sp.start, 'throttle');
  }
  typeName(): string {
    return 'Throttle';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (!this.hasDelayed && this.ns !== 0) {
      const d = pollFut(this.world, owner, this.delay, cx);
      if (d === PENDING || d === BLOCKED) return d;
      this.hasDelayed = true;
    }
    const r = this.inner.pollNext(cx, owner);
    if (isSome(r)) {
      if (this.ns !== 0) this.delay.reset(this.world.time.now() + this.ns, cx.task.id);
      this.hasDelayed = false;
    }
    return r;
  }
  override dropValue(interp: InterpCore): void {
    this.delay.drop();
    super.dropValue(interp);
  }
}
