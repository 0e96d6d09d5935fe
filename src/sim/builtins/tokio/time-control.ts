/**
 * Controlling tokio's clock (`time/clock.rs`, test-util): `time::pause()` freezes it, `time::advance(d)`
 * moves a frozen clock forward and then yields once (`yield_now`), so the timers now due fire at the next
 * driver turn before the caller runs again; `time::resume()` lets it flow again from where it stood.
 * While frozen and idle the driver jumps to the next timer by itself (auto-advance, time-driver.ts).
 */
import { SimFuture } from '../../future';
import { defineFn, type CallCtx } from '../../interp/registry';
import { PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';
import { deref, RDuration, UNIT } from '../../values';
import type { World } from '../../world';

/** `time::advance(d)`: `clock.advance(d)` on the first poll, then `yield_now().await`. */
class AdvanceFuture extends SimFuture {
  private yielded = false;
  constructor(
    world: World,
    private readonly ns: number,
    site: number,
  ) {
    super(world, 'Advance', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    if (this.yielded) return UNIT;
    const t = this.world.time;
    if (!t.paused) return this.world.panic('time is not frozen');
    t.advance(this.ns);
    this.yielded = true;
    this.world.scheduler.defer(cx.task);
    return PENDING;
  }
  describeWait(): string {
    return 'time::advance (yielding once after moving the clock)';
  }
}

function checkPausable(ctx: CallCtx): void {
  if (ctx.world.scheduler.flavor !== 'current_thread')
    ctx.interp.panic(
      '`time::pause()` requires the `current_thread` Tokio runtime. This is the default Runtime used by `#[tokio::test].',
    );
}

defineFn(['tokio::time::pause'], {
  pure: true,
  arity: 0,
  call: (ctx) => {
    checkPausable(ctx);
    if (ctx.world.time.paused) return ctx.interp.panic('time is already frozen');
    ctx.world.time.pause();
    return UNIT;
  },
});

defineFn(['tokio::time::resume'], {
  pure: true,
  arity: 0,
  call: (ctx) => {
    if (!ctx.world.time.paused) return ctx.interp.panic('time is not frozen');
    ctx.world.time.resume();
    return UNIT;
  },
});

defineFn(['tokio::time::advance'], {
  pure: true,
  arity: 1,
  call: (ctx, [d]) => {
    const x = deref(d!);
    if (!(x instanceof RDuration)) return ctx.interp.unsupported('time::advance takes a `Duration`');
    return new AdvanceFuture(ctx.world, x.ns, ctx.span.start);
  },
});
