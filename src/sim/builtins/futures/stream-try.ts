/**
 * Streams of `Result`s (futures-util 0.3.21 `stream/try_stream/*.rs`; tokio-stream 0.1.9's
 * `StreamExt::try_next`): `try_next` (a future of `Result<Option<T>, E>`, so `while let Some(x) =
 * s.try_next().await? {}` stops at the first error), `try_collect`, and `map_ok` / `map_err`, which change
 * one side of each item and pass the other through.
 */
import type { Span } from '../../../lang/diagnostics';
import { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import type { CallCtx } from '../../interp/registry';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, errVal, NONE, okVal, REnum, some, type Value } from '../../values';
import type { World } from '../../world';
import { expectedType, fromItems, typeHead } from '../std/iter/collect';
import { callNow, isSome, SimStream } from './stream';

/** The `Result` a stream item is, or a clear refusal. */
function resultOf(interp: InterpCore, v: Value, sp: Span, what: string): REnum {
  const r = deref(v);
  if (r instanceof REnum && (r.variant === 'Ok' || r.variant === 'Err')) return r;
  return interp.unsupported(`\`${what}\` needs a stream of \`Result\`s`, sp);
}

/** `try_next()`: `Ok(Some(v))` for `Ok(v)`, `Err(e)` for `Err(e)`, `Ok(None)` at the end. */
export class TryNextFuture extends SimFuture {
  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly stream: SimStream,
    private readonly sp: Span,
  ) {
    super(world, 'TryNext', sp.start);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const r = this.stream.pollNext(cx, this);
    if (r === PENDING || r === BLOCKED) return r;
    if (!isSome(r)) return okVal(NONE);
    const item = resultOf(this.interp, r.values[0]!, this.sp, 'try_next');
    return item.variant === 'Ok' ? okVal(some(item.values[0]!)) : item;
  }
}

/** `try_collect()`: the `Ok` values into the expected collection, or the first `Err` (the rest unread). */
export class TryCollectFuture extends SimFuture {
  private readonly items: Value[] = [];

  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly ctx: CallCtx,
    private readonly stream: SimStream,
  ) {
    super(world, 'TryCollect', ctx.span.start);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    for (;;) {
      const r = this.stream.pollNext(cx, this);
      if (r === PENDING || r === BLOCKED) return r;
      if (!isSome(r)) {
        const ty = expectedType(this.ctx);
        const inner = typeHead(ty) === 'Result' && ty?.k === 'path' ? (ty.args[0] ?? null) : null;
        return okVal(fromItems(this.interp, this.items.splice(0), inner));
      }
      const item = resultOf(this.interp, r.values[0]!, this.ctx.span, 'try_collect');
      if (item.variant === 'Err') {
        for (const x of this.items.splice(0)) this.interp.dropValue(x);
        return item;
      }
      this.items.push(item.values[0]!);
    }
  }

  protected override onDrop(): void {
    for (const x of this.items.splice(0)) this.interp.dropValue(x);
    this.stream.dropValue(this.interp);
  }
}

/** `map_ok(f)` / `map_err(f)`: `f` on one side of each `Result` item. */
export class MapResultStream extends SimStream {
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly inner: SimStream,
    private readonly f: Value,
    private readonly side: 'Ok' | 'Err',
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return this.side === 'Ok' ? 'MapOk' : 'MapErr';
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    const r = this.inner.pollNext(cx, owner);
    if (!isSome(r)) return r;
    const item = resultOf(this.interp, r.values[0]!, this.span, this.side === 'Ok' ? 'map_ok' : 'map_err');
    if (item.variant !== this.side) return some(item);
    const v = callNow(this.interp, this.f, [item.values[0]!], this.span);
    return some(this.side === 'Ok' ? okVal(v) : errVal(v));
  }

  override sizeHint(): [number, number | null] {
    return this.inner.sizeHint();
  }

  override dropValue(interp: InterpCore): void {
    this.inner.dropValue(interp);
  }
}
