/**
 * `std::future::{poll_fn, ready, pending}` (also under `core::future` and `futures::future`): a future
 * from a closure `|cx| -> Poll<T>`, a future that is Ready at once, and one that is never Ready (and
 * registers no waker: awaiting it alone is a task nothing can wake).
 */
import { SimFuture } from '../../future';
import type { InterpCore } from '../../interp/core';
import { isGen } from '../../interp/core';
import { RContext } from '../../interp/into-future';
import { defineFn } from '../../interp/registry';
import { BLOCKED, PENDING, type Gen, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, REnum, type Value } from '../../values';
import type { World } from '../../world';
import { closureArg } from '../support';

const FUTURE = ['std::future', 'core::future'];

/** `poll_fn(f)`: each poll calls `f(&mut cx)`. */
export class PollFnFuture extends SimFuture {
  private gen: Gen<Value> | null = null;
  constructor(
    world: World,
    private readonly interp: InterpCore,
    private readonly f: Value,
    site: number,
  ) {
    super(world, 'PollFn', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (!this.gen) {
      const r = this.interp.callValue(this.f, [new RContext(cx)], null);
      if (!isGen(r)) return this.outcome(r);
      this.gen = r;
    }
    const step = this.gen.next();
    if (!step.done) {
      if (step.value === PENDING)
        return this.interp.unsupported('`.await` inside a `poll_fn` closure is not allowed');
      this.interp.setBlockRequest(step.value);
      return BLOCKED;
    }
    this.gen = null;
    return this.outcome(step.value);
  }

  private outcome(v: Value): PollOutcome {
    const out = deref(v);
    if (out instanceof REnum && out.enumName === 'Poll')
      return out.variant === 'Pending' ? PENDING : out.values[0]!;
    return this.interp.unsupported('a `poll_fn` closure must return `Poll::Ready(..)` or `Poll::Pending`');
  }

  protected override onDrop(): void {
    this.interp.dropValue(this.f);
  }
}

/** `ready(v)`: Ready with `v` on its first poll. */
class ReadyFuture extends SimFuture {
  constructor(
    world: World,
    private value: Value | null,
    site: number,
  ) {
    super(world, 'Ready', site);
  }
  protected pollInner(): PollOutcome {
    const v = this.value;
    if (v === null) return this.world.panic('`Ready` polled after completion');
    this.value = null;
    return v;
  }
}

/** `pending()`: never Ready, never wakes anybody. */
class PendingFuture extends SimFuture {
  constructor(world: World, site: number) {
    super(world, 'Pending', site);
  }
  protected pollInner(): PollOutcome {
    return PENDING;
  }
}

defineFn(
  FUTURE.map((p) => `${p}::poll_fn`),
  {
    pure: true,
    arity: 1,
    call: (ctx, [f]) =>
      new PollFnFuture(ctx.world, ctx.interp, closureArg(ctx, f, 'poll_fn'), ctx.span.start),
  },
);
defineFn(
  FUTURE.map((p) => `${p}::ready`),
  {
    pure: true,
    arity: 1,
    call: (ctx, [v]) => new ReadyFuture(ctx.world, v!, ctx.span.start),
  },
);
defineFn(
  FUTURE.map((p) => `${p}::pending`),
  {
    pure: true,
    arity: 0,
    call: (ctx) => new PendingFuture(ctx.world, ctx.span.start),
  },
);
