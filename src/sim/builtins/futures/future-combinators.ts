/**
 * `futures::future` (futures-util 0.3.21 `future/*.rs`): `join_all`, `try_join_all`, `select` and `Either`,
 * `ready`, `pending`, and `FutureExt` (`map`, `boxed`, `fuse`, `now_or_never`, `poll_unpin`). Children are
 * polled with `pollChild`, so the trace records which child each combinator polled.
 */
import type { Span } from '../../../lang/diagnostics';
import { pollChild, SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { intoFuture, RContext } from '../../interp/into-future';
import { intoIter } from '../../interp/iterate';
import { DONE, suspends } from '../../interp/iter-protocol';
import { defineFn, defineMethods, type CallCtx, type MethodImpl } from '../../interp/registry';
import { OneshotReceiver } from '../tokio/sync/oneshot';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { NoopWaker } from '../../noop-waker';
import {
  deref,
  errVal,
  NONE,
  okVal,
  POLL_PENDING,
  pollReady,
  REnum,
  RTuple,
  RVec,
  some,
  type Value,
} from '../../values';
import type { World } from '../../world';
import { JoinAllFuture as JoinTupleFuture } from '../../interp/combinators';
import { FuturesOrderedStream } from './futures-unordered';
import { callNow, pollFut } from './stream';

/** The futures an `IntoIterator` of futures holds (a Vec of async fn calls, of JoinHandles). */
export function futuresOf(ctx: CallCtx, v: Value): SimFuture[] {
  const it = intoIter(ctx.interp, v, ctx.span);
  const out: SimFuture[] = [];
  for (;;) {
    const p = it.next(ctx.interp);
    if (suspends(p))
      return ctx.interp.unsupported('an iterator that blocks its thread here is not supported', ctx.span);
    if (p === DONE) return out;
    out.push(intoFuture(ctx.interp, p, ctx.span));
  }
}

/**
 * `join_all` (`future/join_all.rs`): up to 30 futures are `MaybeDone`s polled all in order on every poll
 * (finished ones are not polled again); more than 30 go through a `FuturesOrdered`, which polls only the
 * woken ones. `try_join_all` (`future/try_join_all.rs`) always polls all and stops at the first `Err`.
 */
class JoinAllFuture extends SimFuture {
  private readonly outputs: (Value | undefined)[];
  private resumeAt = -1;
  private readonly big: FuturesOrderedStream | null = null;
  private readonly collected: Value[] = [];

  constructor(
    world: World,
    private readonly interp: InterpCore,
    sp: Span,
    private readonly futs: SimFuture[],
    private readonly tryJoin: boolean,
  ) {
    super(world, tryJoin ? 'TryJoinAll' : 'JoinAll', sp.start);
    this.outputs = futs.map(() => undefined);
    if (!tryJoin && futs.length > 30) {
      this.big = new FuturesOrderedStream(world, interp, sp);
      for (const f of futs) this.big.set.push(f);
    }
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (this.big) {
      for (;;) {
        const r = this.big.pollNext(cx, this);
        if (r === PENDING || r === BLOCKED) return r;
        const o = r as REnum;
        if (o.variant === 'None') return new RVec(this.collected.splice(0));
        this.collected.push(o.values[0]!);
      }
    }
    let pending = false;
    const from = this.resumeAt >= 0 ? this.resumeAt : 0;
    this.resumeAt = -1;
    for (let i = from; i < this.futs.length; i++) {
      if (this.outputs[i] !== undefined) continue;
      const r = pollFut(this.world, this, this.futs[i]!, cx);
      if (r === BLOCKED) {
        this.resumeAt = i;
        return BLOCKED;
      }
      if (r === PENDING) {
        pending = true;
        continue;
      }
      this.futs[i]!.drop();
      if (this.tryJoin) {
        const e = deref(r);
        if (e instanceof REnum && e.variant === 'Err') {
          this.dropAll();
          return errVal(e.values[0]!);
        }
        this.outputs[i] = e instanceof REnum ? e.values[0]! : r;
      } else this.outputs[i] = r;
    }
    if (pending) return PENDING;
    const v = new RVec(this.outputs.map((x) => x!));
    return this.tryJoin ? okVal(v) : v;
  }

  private dropAll(): void {
    for (const f of this.futs) f.drop();
    for (const o of this.outputs) if (o !== undefined) this.interp.dropValue(o);
  }

  protected override onDrop(): void {
    for (const f of this.futs) f.drop();
    this.big?.dropValue(this.interp);
  }
}

/**
 * `select(a, b)` (`future/select.rs`): polls `a`, then `b` only if `a` is pending: biased to the first.
 * The winner's output comes with the other future, unfinished and not dropped.
 */
class SelectFuture extends SimFuture {
  private resumeB = false;

  constructor(
    world: World,
    private readonly a: SimFuture,
    private readonly b: SimFuture,
    site: number,
  ) {
    super(world, 'Select', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (!this.resumeB) {
      const r = pollFut(this.world, this, this.a, cx);
      if (r === BLOCKED) return r;
      if (r !== PENDING) {
        this.a.drop();
        return new REnum('Either', 'Left', [new RTuple([r, this.b])]);
      }
    }
    this.resumeB = false;
    const r = pollFut(this.world, this, this.b, cx);
    if (r === BLOCKED) {
      this.resumeB = true;
      return r;
    }
    if (r === PENDING) return PENDING;
    this.b.drop();
    return new REnum('Either', 'Right', [new RTuple([r, this.a])]);
  }

  protected override onDrop(): void {
    if (!this.done) {
      this.a.drop();
      this.b.drop();
    }
  }
}

/** `future::ready(v)` (Ready at once) and `future::pending()` (never). */
class ConstFuture extends SimFuture {
  constructor(
    world: World,
    private readonly value: Value | null,
    site: number,
  ) {
    super(world, value === null ? 'Pending' : 'Ready', site);
  }
  protected pollInner(): PollOutcome {
    return this.value === null ? PENDING : this.value;
  }
}

/** `FutureExt::map(f)`: the inner future's output through `f`. */
class MapFuture extends SimFuture {
  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly inner: SimFuture,
    private readonly f: Value,
    private readonly sp: Span,
  ) {
    super(world, 'Map', sp.start);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const r = pollFut(this.world, this, this.inner, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.inner.drop();
    return callNow(this.interp, this.f, [r], this.sp);
  }
  protected override onDrop(): void {
    this.inner.drop();
  }
}

/** `FutureExt::fuse()`: Pending forever once the inner future finished, instead of polling it again. */
class FuseFuture extends SimFuture {
  terminated = false;
  constructor(
    world: World,
    private readonly inner: SimFuture,
    site: number,
  ) {
    super(world, 'Fuse', site);
  }
  override poll(cx: PollCx): PollOutcome {
    // A fused future may be polled after it finished: that is its point.
    if (this.terminated) return PENDING;
    this.done = false;
    return super.poll(cx);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const r = pollFut(this.world, this, this.inner, cx);
    if (r === PENDING || r === BLOCKED) return r;
    this.inner.drop();
    this.terminated = true;
    return r;
  }
  override isTerminated(): boolean {
    return this.terminated;
  }
  protected override onDrop(): void {
    this.inner.drop();
  }
}

function futArg(ctx: CallCtx, v: Value | undefined): SimFuture {
  return intoFuture(ctx.interp, v!, ctx.span);
}

/** `future::join_all(iter)`. */
defineFn(['futures::future::join_all'], {
  pure: false,
  arity: 1,
  call: (ctx, [v]) => new JoinAllFuture(ctx.world, ctx.interp, ctx.span, futuresOf(ctx, v!), false),
});
/** `future::try_join_all(iter)`: `Ok(Vec)` or the first `Err`. */
defineFn(['futures::future::try_join_all'], {
  pure: false,
  arity: 1,
  call: (ctx, [v]) => new JoinAllFuture(ctx.world, ctx.interp, ctx.span, futuresOf(ctx, v!), true),
});
/** `future::select(a, b)`. */
defineFn(['futures::future::select'], {
  pure: false,
  arity: 2,
  call: (ctx, [a, b]) => new SelectFuture(ctx.world, futArg(ctx, a), futArg(ctx, b), ctx.span.start),
});
/**
 * `future::join(a, b)` / `join3` / `join4` / `try_join(a, b)` (`future/join.rs`, `try_join.rs`): every poll
 * polls each unfinished future in order from the first — `join!`'s future with no rotating start.
 */
for (const [name, n, tryJoin] of [
  ['join', 2, false],
  ['join3', 3, false],
  ['join4', 4, false],
  ['try_join', 2, true],
  ['try_join3', 3, true],
] as const)
  defineFn([`futures::future::${name}`], {
    pure: false,
    arity: n,
    call: (ctx, args) =>
      new JoinTupleFuture(
        ctx.world,
        ctx.interp,
        args.map((a) => futArg(ctx, a)),
        tryJoin,
        true,
      ),
  });
/** futures' `future::ready` / `pending` (std's own are the hand-written-futures part). */
defineFn(['futures::future::ready'], {
  pure: false,
  arity: 1,
  call: (ctx, [v]) => new ConstFuture(ctx.world, v!, ctx.span.start),
});
defineFn(['futures::future::pending'], {
  pure: false,
  arity: 0,
  call: (ctx) => new ConstFuture(ctx.world, null, ctx.span.start),
});
defineFn(['futures::future::Either::Left', 'futures::Either::Left'], {
  pure: true,
  arity: 1,
  call: (_ctx, [v]) => new REnum('Either', 'Left', [v!]),
});
defineFn(['futures::future::Either::Right', 'futures::Either::Right'], {
  pure: true,
  arity: 1,
  call: (_ctx, [v]) => new REnum('Either', 'Right', [v!]),
});
/** `FusedFuture::is_terminated(&f)`. */
defineFn(['futures::future::FusedFuture::is_terminated'], {
  pure: true,
  arity: 1,
  call: (_ctx, [f]) => {
    const x = deref(f!);
    return x instanceof SimFuture ? x.isTerminated() : false;
  },
});

const FUTURE_EXT = {
  /** `FutureExt::map`. */
  map: (ctx, self, [f]) => {
    ctx.consume();
    return new MapFuture(ctx.world, ctx.interp, futOf(ctx, self), f!, ctx.span);
  },
  /** `FutureExt::boxed`: a `BoxFuture` is the future itself here. */
  boxed: (ctx, self) => {
    ctx.consume();
    return deref(self);
  },
  boxed_local: (ctx, self) => {
    ctx.consume();
    return deref(self);
  },
  fuse: (ctx, self) => {
    ctx.consume();
    return new FuseFuture(ctx.world, futOf(ctx, self), ctx.span.start);
  },
  is_terminated: (ctx, self) => futOf(ctx, self).isTerminated(),
  /** `FutureExt::now_or_never`: one poll with a no-op waker; `Some(output)` or `None`. */
  now_or_never: (ctx, self) => {
    ctx.consume();
    const f = futOf(ctx, self);
    const top = ctx.interp.pollStack[ctx.interp.pollStack.length - 1];
    if (!top)
      return ctx.interp.unsupported('`now_or_never` outside async code is not supported by Pollscope yet');
    const task = top.cx.task;
    const r = pollChild(ctx.world, top.future, f, { task, waker: new NoopWaker(task, false) });
    if (r === BLOCKED) return ctx.interp.unsupported('a future that blocks its thread in `now_or_never`');
    if (r === PENDING) {
      f.drop();
      return NONE;
    }
    f.drop();
    return some(r);
  },
  /** `FutureExt::poll_unpin(&mut cx)`: one poll with the given `Context`; `Poll::Ready(v)` or `Pending`. */
  poll_unpin: (ctx, self, [c]) => {
    const f = futOf(ctx, self);
    const cx = deref(c!);
    if (!(cx instanceof RContext))
      return ctx.interp.unsupported('`poll_unpin` needs a `&mut Context`', ctx.span);
    const r = f instanceof FuseFuture || !f.done ? pollChild(ctx.world, null, f, cx.cx) : f.poll(cx.cx);
    if (r === BLOCKED) return ctx.interp.unsupported('a future that blocks its thread in `poll_unpin`');
    return r === PENDING ? POLL_PENDING : pollReady(r);
  },
} satisfies Record<string, MethodImpl>;
defineMethods(SimFuture, 'futures::future::FutureExt', FUTURE_EXT);

/**
 * A value that is a future by `IntoFuture` (tokio's oneshot `Receiver`) has `FutureExt` too:
 * `rx.fuse()` for `futures::select!`, `rx.map(..)`, `rx.boxed()`.
 */
defineMethods(OneshotReceiver, 'futures::future::FutureExt', {
  map: FUTURE_EXT.map,
  boxed: (ctx, self) => {
    ctx.consume();
    return futOf(ctx, self);
  },
  fuse: FUTURE_EXT.fuse,
  now_or_never: FUTURE_EXT.now_or_never,
});

/** The future `self` is: itself, or what `IntoFuture` makes of it (a oneshot Receiver's recv). */
function futOf(ctx: CallCtx, self: Value): SimFuture {
  const x = deref(self);
  return x instanceof SimFuture ? x : intoFuture(ctx.interp, x, ctx.span);
}
