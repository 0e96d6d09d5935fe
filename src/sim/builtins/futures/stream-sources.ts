/**
 * Streams made from values: `futures::stream::{iter, once, empty, pending, repeat, unfold}` and
 * `tokio_stream::{iter, once, empty, pending}`. tokio_stream's `Iter` yields to the runtime after 32
 * items (`iter.rs`: `yield_amt`, a self-wake and `Pending`); futures' never does.
 */
import type { Span } from '../../../lang/diagnostics';
import type { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { defineFn, type CallCtx } from '../../interp/registry';
import { intoIter } from '../../interp/iterate';
import { DONE, suspends, type RIter } from '../../interp/iter-protocol';
import { cloneValue } from '../../interp/clone';
import { RContext } from '../../interp/into-future';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, NONE, REnum, RTuple, some, type Value } from '../../values';
import type { World } from '../../world';
import { asFutureOrValue, callNow, pollFut, SimStream } from './stream';

export class IterStream extends SimStream {
  private yieldAmt = 0;
  private done = false;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly iter: RIter,
    /** tokio_stream's `Iter` (cooperative: yields after 32 items); futures' `Iter` is not. */
    private readonly tokio: boolean,
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return 'Iter';
  }

  pollNext(cx: PollCx): PollOutcome {
    if (this.tokio) {
      if (this.yieldAmt >= 32) {
        this.yieldAmt = 0;
        cx.waker.wakeByRef(this.world, -1);
        return PENDING;
      }
      this.yieldAmt++;
    }
    if (this.done) return NONE;
    const p = this.iter.next(this.interp);
    if (suspends(p))
      return this.interp.unsupported(
        'an iterator that blocks its thread inside `stream::iter` is not supported by Pollscope yet',
        this.span,
      );
    if (p === DONE) {
      this.done = true;
      return NONE;
    }
    return some(p);
  }

  override sizeHint(): [number, number | null] {
    return this.iter.sizeHint();
  }

  override dropValue(interp: InterpCore): void {
    this.iter.dropValue(interp);
  }
}

/** `stream::once(v)` / `empty()` / `pending()` / `repeat(v)`. */
export class ConstStream extends SimStream {
  private left: number | null;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly kind: 'Once' | 'Empty' | 'Pending' | 'Repeat',
    private readonly item: Value | null,
  ) {
    super(world, interp, sp);
    this.left = kind === 'Once' ? 1 : kind === 'Empty' ? 0 : null;
  }

  typeName(): string {
    return this.kind;
  }

  pollNext(): PollOutcome {
    if (this.kind === 'Pending') return PENDING;
    if (this.kind === 'Repeat') return some(cloneValue(this.interp, this.item!));
    if (this.left === 0) return NONE;
    this.left = 0;
    return some(this.item!);
  }

  override sizeHint(): [number, number | null] {
    if (this.kind === 'Repeat') return [Number.MAX_SAFE_INTEGER, null];
    if (this.kind === 'Pending') return [0, null];
    return [this.left ?? 0, this.left ?? 0];
  }
}

/**
 * `stream::unfold(state, f)`: with no future in flight, calls `f(state)` for the next step's future and
 * polls it; `Some((item, next))` stores `next` as the state, `None` ends the stream.
 */
export class UnfoldStream extends SimStream {
  private state: Value | null;
  private fut: SimFuture | null = null;

  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    init: Value,
    private readonly f: Value,
  ) {
    super(world, interp, sp);
    this.state = init;
  }

  typeName(): string {
    return 'Unfold';
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (!this.fut) {
      if (this.state === null) return NONE;
      const st = this.state;
      this.state = null;
      const r = asFutureOrValue(this.interp, callNow(this.interp, this.f, [st], this.span), this.span);
      if (!(typeof r === 'object' && 'pollInner' in r))
        return this.interp.unsupported('the closure given to `unfold` must return a future', this.span);
      this.fut = r as SimFuture;
    }
    const r = pollFut(this.world, owner, this.fut, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.fut = null;
    const o = deref(r);
    if (o instanceof REnum && o.variant === 'Some') {
      const pair = deref(o.values[0]!);
      if (pair instanceof RTuple && pair.items.length === 2) {
        this.state = pair.items[1]!;
        return some(pair.items[0]!);
      }
    }
    if (o instanceof REnum && o.variant === 'None') return NONE;
    return this.interp.unsupported(
      'the future given to `unfold` must return `Option<(item, state)>`',
      this.span,
    );
  }

  override dropValue(interp: InterpCore): void {
    this.fut?.drop();
    if (this.state !== null) interp.dropValue(this.state);
  }
}

function iterFn(tokio: boolean) {
  return (ctx: CallCtx, [v]: Value[]) =>
    new IterStream(ctx.world, ctx.interp, ctx.span, intoIter(ctx.interp, v!, ctx.span), tokio);
}
function constFn(kind: 'Once' | 'Empty' | 'Pending' | 'Repeat') {
  return (ctx: CallCtx, [v]: Value[]) => new ConstStream(ctx.world, ctx.interp, ctx.span, kind, v ?? null);
}

/** `futures::stream::iter` (futures-util `stream/iter.rs`): never yields on its own. */
defineFn(['futures::stream::iter'], { pure: false, arity: 1, call: iterFn(false) });
/** `tokio_stream::iter` (tokio-stream 0.1.9 `iter.rs`): yields after every 32 items. */
defineFn(['tokio_stream::iter'], { pure: false, arity: 1, call: iterFn(true) });
defineFn(['futures::stream::once'], {
  pure: false,
  arity: 1,
  // futures' `once` takes a future and yields its output; the simulator polls it as `then` would.
  call: (ctx, [f]) => new OnceFutureStream(ctx.world, ctx.interp, ctx.span, f!),
});
defineFn(['tokio_stream::once'], { pure: false, arity: 1, call: constFn('Once') });
defineFn(['futures::stream::empty', 'tokio_stream::empty'], {
  pure: false,
  arity: 0,
  call: constFn('Empty'),
});
defineFn(['futures::stream::pending', 'tokio_stream::pending'], {
  pure: false,
  arity: 0,
  call: constFn('Pending'),
});
defineFn(['futures::stream::repeat'], { pure: false, arity: 1, call: constFn('Repeat') });
defineFn(['futures::stream::unfold'], {
  pure: false,
  arity: 2,
  call: (ctx, [init, f]) => new UnfoldStream(ctx.world, ctx.interp, ctx.span, init!, f!),
});

/** futures' `stream::once(fut)`: one item, the future's output. */
class OnceFutureStream extends SimStream {
  private fut: SimFuture | null;
  private finished = false;

  constructor(world: World, interp: InterpCore, sp: Span, f: Value) {
    super(world, interp, sp);
    const r = asFutureOrValue(interp, f, sp);
    this.fut =
      typeof r === 'object' && 'pollInner' in r
        ? (r as SimFuture)
        : interp.unsupported(
            '`futures::stream::once` takes a future',
            sp,
            'use `stream::iter([v])` for a value',
          );
  }

  typeName(): string {
    return 'Once';
  }

  pollNext(cx: PollCx, owner: SimFuture): PollOutcome {
    if (this.finished || !this.fut) return NONE;
    const r = pollFut(this.world, owner, this.fut, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.fut = null;
    this.finished = true;
    return some(r);
  }

  override dropValue(): void {
    this.fut?.drop();
  }
}

/** `stream::poll_fn(f)` (`stream/poll_fn.rs`): each poll calls `f(&mut cx)` for a `Poll<Option<T>>`. */
class PollFnStream extends SimStream {
  constructor(
    world: World,
    interp: InterpCore,
    sp: Span,
    private readonly f: Value,
  ) {
    super(world, interp, sp);
  }

  typeName(): string {
    return 'PollFn';
  }

  pollNext(cx: PollCx): PollOutcome {
    const r = deref(callNow(this.interp, this.f, [new RContext(cx)], this.span));
    if (r instanceof REnum && r.enumName === 'Poll') return r.variant === 'Pending' ? PENDING : r.values[0]!;
    return this.interp.unsupported('the closure given to `stream::poll_fn` must return a `Poll`', this.span);
  }
}

defineFn(['futures::stream::poll_fn'], {
  pure: false,
  arity: 1,
  call: (ctx, [f]) => new PollFnStream(ctx.world, ctx.interp, ctx.span, f!),
});
