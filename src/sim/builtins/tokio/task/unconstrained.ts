/**
 * `tokio::task::unconstrained(fut)` (tokio 1.24 `task/unconstrained.rs`): polls the future with the coop
 * budget turned off (`coop::with_unconstrained`), so resources never force it to yield; the task's budget
 * is restored, untouched, after each poll.
 */
import { pollChild, SimFuture } from '../../../future';
import { intoFuture } from '../../../interp/into-future';
import { defineFn } from '../../../interp/registry';
import type { PollOutcome } from '../../../poll';
import type { PollCx } from '../../../task';
import type { World } from '../../../world';

class UnconstrainedFuture extends SimFuture {
  constructor(
    world: World,
    private readonly inner: SimFuture,
    site: number,
  ) {
    super(world, 'Unconstrained', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const t = this.world.machine.current;
    const saved = t.budget;
    t.budget = null;
    try {
      return pollChild(this.world, this, this.inner, cx);
    } finally {
      t.budget = saved;
    }
  }

  protected override onDrop(): void {
    this.inner.drop();
  }
}

defineFn(['tokio::task::unconstrained'], {
  pure: true,
  arity: 1,
  call: (ctx, [f]) =>
    new UnconstrainedFuture(ctx.world, intoFuture(ctx.interp, f!, ctx.span), ctx.span.start),
});
