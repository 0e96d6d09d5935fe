/**
 * `StreamExt::for_each_concurrent(limit, f)` (futures-util 0.3.21 `stream/stream/for_each_concurrent.rs`):
 * the futures `f` returns run in a `FuturesUnordered`; each round pulls one more item while fewer than
 * `limit` run (`None` or 0: no limit), then polls the set; it finishes when the stream has ended and the
 * set is empty, and is Pending when a round made no progress.
 */
import type { Span } from '../../../lang/diagnostics';
import { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { intoFuture } from '../../interp/into-future';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, REnum, UNIT, type Value } from '../../values';
import type { World } from '../../world';
import { FuturesUnorderedStream } from './futures-unordered';
import { callNow, isNone, isSome, type SimStream } from './stream';

export class ForEachConcurrentFuture extends SimFuture {
  private stream: SimStream | null;
  private readonly set: FuturesUnorderedStream;

  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly sp: Span,
    stream: SimStream,
    /** null: no limit. */
    private readonly limit: number | null,
    private readonly f: Value,
  ) {
    super(world, 'ForEachConcurrent', sp.start);
    this.stream = stream;
    this.set = new FuturesUnorderedStream(world, interp, sp);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      let progress = false;
      if (this.stream && (this.limit === null || this.limit > this.set.len)) {
        const r = this.stream.pollNext(cx, this);
        if (r === BLOCKED) return r;
        if (isSome(r)) {
          progress = true;
          const out = callNow(this.interp, this.f, [r.values[0]!], this.sp);
          this.set.push(intoFuture(this.interp, out, this.sp));
        } else if (isNone(r)) {
          this.stream.dropValue(this.interp);
          this.stream = null;
        }
      }
      const r = this.set.pollNext(cx, this);
      if (r === BLOCKED) return r;
      if (isSome(r)) progress = true;
      else if (isNone(r) && !this.stream) return UNIT;
      if (!progress) return PENDING;
    }
  }

  protected override onDrop(): void {
    this.set.dropValue();
    this.stream?.dropValue(this.interp);
  }
}

/** `limit`: `impl Into<Option<usize>>` — a number, `Some(n)` or `None`; 0 means no limit (NonZeroUsize). */
export function limitOf(v: Value | undefined): number | null {
  const x = v === undefined ? null : deref(v);
  const n = x instanceof REnum ? (x.variant === 'Some' ? deref(x.values[0]!) : null) : x;
  return typeof n === 'number' && n > 0 ? n : typeof n === 'bigint' && n > 0n ? Number(n) : null;
}
