/**
 * Stream adapters that hold a second stream or a pending future between polls (futures-util 0.3.21
 * `stream/stream/{flatten,scan,peek,select_next_some}.rs`): `flatten`, `flat_map` (`map` then `flatten`),
 * `scan`, `peekable` with its `peek` future, and `select_next_some`, the future `futures::select!` loops use.
 */
import type { Span } from '../../../lang/diagnostics';
import { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, NONE, REnum, RRef, some, TempPlace, type Value } from '../../values';
import type { World } from '../../world';
import { asFutureOrValue, callNow, isNone, isSome, pollFut, SimStream, streamOf } from './stream';

/**
 * `flatten()` (flatten.rs): the current inner stream to its end, then the next item of the outer one.
 * An inner stream is only made (and so, for `flat_map`, the closure only called) when the previous one
 * ended — a producer behind the second item does not start before the first is drained.
 */
export class FlattenStream extends SimStream {
  private current: SimStream | null = null;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly outer: SimStream,
    private readonly name = 'Flatten',
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return this.name;
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    for (;;) {
      if (this.current) {
        const r = this.current.pollNext(cx, owner);
        if (!isNone(r)) return r;
        this.current.dropValue(this.interp);
        this.current = null;
        continue;
      }
      const r = this.outer.pollNext(cx, owner);
      if (!isSome(r)) return r;
      this.current = streamOf(this.interp, r.values[0]!, this.span);
    }
  }

  override dropValue(interp: InterpCore): void {
    this.current?.dropValue(interp);
    this.outer.dropValue(interp);
  }
}

/**
 * `scan(state, f)` (scan.rs): `f(&mut state, item)` returns a future of an `Option`; `Some(v)` yields `v`,
 * `None` ends the stream for good. The state lives in the adapter, so the closure's writes persist.
 */
export class ScanStream extends SimStream {
  private readonly state: TempPlace;
  private fut: SimFuture | null = null;
  private finished = false;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly inner: SimStream,
    init: Value,
    private readonly f: Value,
  ) {
    super(world, interp, sp);
    this.state = new TempPlace(init);
  }

  typeName(): string {
    return 'Scan';
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.finished) return NONE;
    let out: Value;
    if (this.fut) {
      const r = pollFut(this.world, owner, this.fut, cx);
      if (r === PENDING || r === BLOCKED) return r;
      this.fut.drop();
      this.fut = null;
      out = r;
    } else {
      const r = this.inner.pollNext(cx, owner);
      if (!isSome(r)) return r;
      const v = asFutureOrValue(
        this.interp,
        callNow(this.interp, this.f, [new RRef(this.state, true), r.values[0]!], this.span),
        this.span,
      );
      if (v instanceof SimFuture) {
        this.fut = v;
        return this.pollNext(cx, owner);
      }
      out = v;
    }
    const o = deref(out);
    if (o instanceof REnum && o.variant === 'Some') return some(o.values[0]!);
    this.finished = true;
    return NONE;
  }

  override sizeHint(): [number, number | null] {
    return this.finished ? [0, 0] : [0, this.inner.sizeHint()[1]];
  }

  override dropValue(interp: InterpCore): void {
    this.fut?.drop();
    interp.dropValue(this.state.get());
    this.inner.dropValue(interp);
  }
}

/**
 * `peekable()` (peek.rs): the inner stream fused, plus the one item `peek` took out of it. `next` returns
 * that item first; `peek` is a future of `Option<&Item>`, a reference into the adapter.
 */
export class PeekableStream extends SimStream {
  private peeked: TempPlace | null = null;
  private ended = false;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly inner: SimStream,
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return 'Peekable';
  }

  /** Fills the peek slot if empty: `Some(&item)`, `None`, or PENDING / BLOCKED. */
  pollPeek(cx: PollCx, owner: SimFuture): PollOutcome {
    if (!this.peeked) {
      if (this.ended) return NONE;
      const r = this.inner.pollNext(cx, owner);
      if (r === PENDING || r === BLOCKED) return r;
      if (!isSome(r)) {
        this.ended = true;
        return NONE;
      }
      this.peeked = new TempPlace(r.values[0]!);
    }
    return some(new RRef(this.peeked, false));
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.peeked) {
      const v = this.peeked.get();
      this.peeked = null;
      return some(v);
    }
    if (this.ended) return NONE;
    const r = this.inner.pollNext(cx, owner);
    if (isNone(r)) this.ended = true;
    return r;
  }

  override isTerminated(): boolean {
    return !this.peeked && this.ended;
  }
  override get fusedStream(): boolean {
    return true;
  }

  override sizeHint(): [number, number | null] {
    const [lo, hi] = this.inner.sizeHint();
    const k = this.peeked ? 1 : 0;
    return [lo + k, hi === null ? null : hi + k];
  }

  override dropValue(interp: InterpCore): void {
    if (this.peeked) interp.dropValue(this.peeked.get());
    this.inner.dropValue(interp);
  }
}

/** `Peekable::peek()`: a future of `Option<&Item>` that fills the peek slot. */
export class PeekFuture extends SimFuture {
  constructor(
    world: World,
    private readonly stream: PeekableStream,
    site: number,
  ) {
    super(world, 'Peek', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    return this.stream.pollPeek(cx, this);
  }
}

/**
 * `select_next_some()` (select_next_some.rs): the next `Some` item of a fused stream. At the stream's end it
 * wakes its own task by reference and stays Pending: the `futures::select!` polling it sees the stream
 * terminated on the next round and skips the branch (or runs `complete =>`).
 */
export class SelectNextSomeFuture extends SimFuture {
  constructor(
    world: World,
    private readonly stream: SimStream,
    site: number,
  ) {
    super(world, 'SelectNextSome', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (this.stream.isTerminated()) this.world.panic('SelectNextSome polled after terminated');
    const r = this.stream.pollNext(cx, this);
    if (r === PENDING || r === BLOCKED) return r;
    if (isSome(r)) return r.values[0]!;
    cx.waker.wakeByRef(this.world, -1);
    return PENDING;
  }

  override isTerminated(): boolean {
    return this.stream.isTerminated();
  }
}
