/**
 * More stream adapters (futures-util 0.3.21 `stream/stream/*.rs`, tokio-stream 0.1.9 `stream_ext/*.rs`):
 * `take_while`, `skip_while`, `inspect`, `zip`, `chunks`. As in stream-adapters.ts, a predicate's result
 * is awaited when it is a future (futures' async closures) and used directly otherwise (tokio_stream's).
 */
import type { Span } from '../../../lang/diagnostics';
import { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, NONE, RRef, RTuple, RVec, some, TempPlace, type Value } from '../../values';
import type { World } from '../../world';
import { asFutureOrValue, callNow, isNone, isSome, pollFut, SimStream } from './stream';

const refTo = (v: Value): RRef => new RRef(new TempPlace(v), false);

/**
 * `take_while(p)` / `skip_while(p)`: a predicate per item (kept across polls when it is a future); take_while
 * ends the stream at the first `false`, skip_while yields everything from the first `false` on.
 */
export class WhileStream extends SimStream {
  private pending: { fut: SimFuture; item: Value } | null = null;
  private settled = false;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly inner: SimStream,
    private readonly f: Value,
    private readonly take: boolean,
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return this.take ? 'TakeWhile' : 'SkipWhile';
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.take && this.settled) return NONE;
    if (!this.take && this.settled) return this.inner.pollNext(cx, owner);
    for (;;) {
      let item: Value;
      let verdict: Value;
      if (this.pending) {
        const r = pollFut(this.world, owner, this.pending.fut, cx);
        if (r === PENDING || r === BLOCKED) return r;
        item = this.pending.item;
        this.pending.fut.drop();
        this.pending = null;
        verdict = r;
      } else {
        const r = this.inner.pollNext(cx, owner);
        if (!isSome(r)) return r;
        item = r.values[0]!;
        const out = asFutureOrValue(
          this.interp,
          callNow(this.interp, this.f, [refTo(item)], this.span),
          this.span,
        );
        if (out instanceof SimFuture) {
          this.pending = { fut: out, item };
          continue;
        }
        verdict = out;
      }
      const ok = deref(verdict) === true;
      if (this.take) {
        if (ok) return some(item);
        this.settled = true;
        this.interp.dropValue(item);
        return NONE;
      }
      if (!ok) {
        this.settled = true;
        return some(item);
      }
      this.interp.dropValue(item);
    }
  }

  override dropValue(interp: InterpCore): void {
    this.pending?.fut.drop();
    this.inner.dropValue(interp);
  }
}

/** `inspect(f)`: calls `f(&item)` and passes the item on. */
export class InspectStream extends SimStream {
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly inner: SimStream,
    private readonly f: Value,
  ) {
    super(world, interp, sp);
  }
  typeName(): string {
    return 'Inspect';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const r = this.inner.pollNext(cx, owner);
    if (isSome(r)) callNow(this.interp, this.f, [refTo(r.values[0]!)], this.span);
    return r;
  }
  override sizeHint(): [number, number | null] {
    return this.inner.sizeHint();
  }
  override dropValue(interp: InterpCore): void {
    this.inner.dropValue(interp);
  }
}

/**
 * `zip(other)` (`zip.rs`): polls each side that has no item queued; a pair when both have one; the end when
 * a side ended with nothing queued.
 */
export class ZipStream extends SimStream {
  private q1: Value | null = null;
  private q2: Value | null = null;
  private done1 = false;
  private done2 = false;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly a: SimStream,
    private readonly b: SimStream,
  ) {
    super(world, interp, sp);
  }
  typeName(): string {
    return 'Zip';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.q1 === null && !this.done1) {
      const r = this.a.pollNext(cx, owner);
      if (r === BLOCKED) return r;
      if (isSome(r)) this.q1 = r.values[0]!;
      else if (isNone(r)) this.done1 = true;
    }
    if (this.q2 === null && !this.done2) {
      const r = this.b.pollNext(cx, owner);
      if (r === BLOCKED) return r;
      if (isSome(r)) this.q2 = r.values[0]!;
      else if (isNone(r)) this.done2 = true;
    }
    if (this.q1 !== null && this.q2 !== null) {
      const pair = new RTuple([this.q1, this.q2]);
      this.q1 = this.q2 = null;
      return some(pair);
    }
    if ((this.done1 && this.q1 === null) || (this.done2 && this.q2 === null)) return NONE;
    return PENDING;
  }
  override dropValue(interp: InterpCore): void {
    this.a.dropValue(interp);
    this.b.dropValue(interp);
  }
}

/** `chunks(n)` (`chunks.rs`): Vecs of n items; the last one shorter; a pending stream keeps what it has. */
export class ChunksStream extends SimStream {
  private items: Value[] = [];
  private ended = false;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly inner: SimStream,
    private readonly cap: number,
  ) {
    super(world, interp, sp);
    if (cap === 0) interp.panic('assertion failed: capacity > 0', sp);
  }
  typeName(): string {
    return 'Chunks';
  }
  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.ended) return NONE;
    for (;;) {
      const r = this.inner.pollNext(cx, owner);
      if (r === PENDING || r === BLOCKED) return r;
      if (isSome(r)) {
        this.items.push(r.values[0]!);
        if (this.items.length >= this.cap) return some(new RVec(this.items.splice(0)));
        continue;
      }
      this.ended = true;
      return this.items.length === 0 ? NONE : some(new RVec(this.items.splice(0)));
    }
  }
  override dropValue(interp: InterpCore): void {
    for (const v of this.items) interp.dropValue(v);
    this.inner.dropValue(interp);
  }
}
