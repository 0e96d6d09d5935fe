/**
 * `tokio::time`: `sleep`, `sleep_until`, `timeout`, `interval`, `Instant`, and `advance`/`pause` helpers
 * (spec §7). A `Sleep` computes its deadline when created and registers in the timer wheel on its first
 * poll; every poll spends coop budget; dropping it removes the timer.
 */
import { formatNanos } from '../../../base';
import { SimFuture, pollChild } from '../../future';
import { TimerEntry, type TimeDriver } from '../../time-driver';
import {
  RDuration,
  REnum,
  RInstant,
  RObject,
  RRef,
  TempPlace,
  UNIT,
  deref,
  errVal,
  okVal,
  type Value,
} from '../../values';
import type { SelfFormatting } from '../../format';
import type { World } from '../../world';
import { intoFuture } from '../../interp/into-future';
import { pollProceed, restoreBudget } from '../../coop';
import { defineConst, defineFn, defineMethods, type CallCtx } from '../../interp/registry';
import { BLOCKED, PENDING, type PollOutcome } from '../../poll';
import type { PollCx } from '../../task';

export class SleepFuture extends SimFuture {
  readonly entry: TimerEntry;
  /** The time driver of the runtime it was made in (tokio's `Sleep` holds that runtime's handle). */
  readonly driver: TimeDriver;

  constructor(world: World, deadline: number, site: number, label: string) {
    super(world, 'Sleep', site);
    this.driver = world.time;
    const res = world.newResource('timer', label, site);
    this.entry = new TimerEntry(res, deadline);
  }

  get deadline(): number {
    return this.entry.deadline;
  }

  /** `Sleep::reset`: a new deadline; re-armed now if it was registered, else on the next poll. */
  reset(deadline: number, task: number): void {
    const wasRegistered = this.entry.registered;
    this.entry.deadline = deadline;
    this.entry.fired = false;
    this.done = false;
    if (wasRegistered) this.driver.register(this.entry, task);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (!pollProceed(this.world, cx, this.entry.resource)) return PENDING;
    const e = this.entry;
    if (!e.registered) this.driver.register(e, cx.task.id);
    // `StateCell::poll` registers the waker first, then reads the state: the entry keeps it after Ready,
    // so an entry reset (`Sleep::reset`, an interval's next tick) and fired later wakes this task.
    e.slot.register(this.world, cx.waker);
    if (e.fired) return UNIT;
    restoreBudget(this.world);
    return PENDING;
  }

  protected override onDrop(): void {
    this.driver.cancel(this.entry);
    this.world.machine.emit('resource-drop', { resource: this.entry.resource });
  }

  describeWait(): string {
    return `a timer (sleep until ${formatNanos(this.entry.deadline - this.driver.start)} of tokio time)`;
  }
}

/** `time::error::Elapsed`. */
export class Elapsed extends RObject implements SelfFormatting {
  typeName(): string {
    return 'Elapsed';
  }
  fmtDisplay(): string {
    return 'deadline has elapsed';
  }
  fmtDebug(): string {
    return 'Elapsed(())';
  }
  override isCopy(): boolean {
    return true;
  }
}

/** `Timeout<F>`: polls the future first, then the delay (unconstrained if the future used up the budget). */
export class TimeoutFuture extends SimFuture {
  private resumeDelay = false;

  constructor(
    world: World,
    private readonly inner: SimFuture,
    private readonly delay: SleepFuture,
    site: number,
  ) {
    super(world, 'Timeout', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const t = this.world.machine.current;
    if (!this.resumeDelay) {
      const hadBudget = t.budget === null || t.budget > 0;
      const r = pollChild(this.world, this, this.inner, cx);
      if (r === BLOCKED) return BLOCKED;
      if (r !== PENDING) return okVal(r);
      const hasBudget = t.budget === null || t.budget > 0;
      if (hadBudget && !hasBudget) {
        const saved = t.budget;
        t.budget = null;
        const d = pollChild(this.world, this, this.delay, cx);
        t.budget = saved;
        return d === PENDING ? PENDING : errVal(new Elapsed());
      }
    }
    const d = pollChild(this.world, this, this.delay, cx);
    return d === PENDING ? PENDING : errVal(new Elapsed());
  }

  protected override onDrop(): void {
    this.inner.drop();
    this.delay.drop();
  }
}

export type MissedTick = 'Burst' | 'Delay' | 'Skip';

/** `time::MissedTickBehavior`: a fieldless enum (Copy, Eq, Debug). */
const missedTick = (variant: MissedTick): REnum => new REnum('MissedTickBehavior', variant, []);

/** `MissedTickBehavior::next_timeout` (time/interval.rs): the deadline after a tick that came late. */
export function nextTimeout(b: MissedTick, timeout: number, now: number, period: number): number {
  switch (b) {
    case 'Burst':
      return timeout + period;
    case 'Delay':
      return now + period;
    case 'Skip':
      return now + period - ((now - timeout) % period);
  }
}

/** A tick later than this after its deadline counts as missed (`poll_tick`'s 5 ms). */
const MISSED_SLACK_NS = 5_000_000;

/** `time::Interval` (default `MissedTickBehavior::Burst`); `tick()` is a future borrowing it. */
export class RInterval extends RObject {
  readonly delay: SleepFuture;
  behavior: MissedTick = 'Burst';
  constructor(
    world: World,
    start: number,
    readonly period: number,
    site: number,
  ) {
    super();
    this.delay = new SleepFuture(world, start, site, `interval(${formatNanos(period)})`);
  }
  typeName(): string {
    return 'Interval';
  }
  dropValue(): void {
    this.delay.drop();
  }
}

class TickFuture extends SimFuture {
  constructor(
    world: World,
    private readonly interval: RInterval,
    site: number,
  ) {
    super(world, 'Tick', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const d = this.interval.delay;
    const r = pollChild(this.world, this, d, cx);
    if (r === PENDING || r === BLOCKED) return r;
    // `Interval::poll_tick`: on time, the next tick is one period after the scheduled one; more than
    // 5 ms late, the missed-tick behaviour decides.
    const iv = this.interval;
    const timeout = d.deadline;
    const now = this.world.time.now();
    const next =
      now > timeout + MISSED_SLACK_NS
        ? nextTimeout(iv.behavior, timeout, now, iv.period)
        : timeout + iv.period;
    d.reset(next, cx.task.id);
    return new RInstant(timeout, true);
  }
}

function durationArg(ctx: CallCtx, v: Value | undefined): number {
  const d = v === undefined ? undefined : deref(v);
  if (d instanceof RDuration) return d.ns;
  return ctx.interp.unsupported(
    'expected a `Duration`',
    ctx.span,
    'use Duration::from_millis(..) or Duration::from_secs(..)',
  );
}

function instantArg(ctx: CallCtx, v: Value | undefined): number {
  const d = v === undefined ? undefined : deref(v);
  if (d instanceof RInstant) return d.ns;
  return ctx.interp.unsupported('expected a `tokio::time::Instant`', ctx.span);
}

const site = (ctx: CallCtx) => ctx.span.start;

defineFn(['tokio::time::sleep'], {
  pure: true,
  call: (ctx, [d]) => {
    const ns = durationArg(ctx, d);
    return new SleepFuture(ctx.world, ctx.world.time.now() + ns, site(ctx), `sleep(${formatNanos(ns)})`);
  },
});
defineFn(['tokio::time::sleep_until'], {
  pure: true,
  call: (ctx, [i]) => new SleepFuture(ctx.world, instantArg(ctx, i), site(ctx), 'sleep_until'),
});
defineFn(['tokio::time::timeout'], {
  pure: true,
  call: (ctx, [d, fut]) => {
    const ns = durationArg(ctx, d);
    const inner = intoFuture(ctx.interp, fut!, ctx.span);
    const delay = new SleepFuture(
      ctx.world,
      ctx.world.time.now() + ns,
      site(ctx),
      `timeout(${formatNanos(ns)})`,
    );
    return new TimeoutFuture(ctx.world, inner, delay, site(ctx));
  },
});
defineFn(['tokio::time::timeout_at'], {
  pure: true,
  call: (ctx, [i, fut]) => {
    const inner = intoFuture(ctx.interp, fut!, ctx.span);
    return new TimeoutFuture(
      ctx.world,
      inner,
      new SleepFuture(ctx.world, instantArg(ctx, i), site(ctx), 'timeout_at'),
      site(ctx),
    );
  },
});
defineFn(['tokio::time::interval'], {
  pure: true,
  call: (ctx, [d]) => {
    const ns = durationArg(ctx, d);
    if (ns <= 0) ctx.interp.panic('`period` must be non-zero.');
    return new RInterval(ctx.world, ctx.world.time.now(), ns, site(ctx));
  },
});
defineFn(['tokio::time::interval_at'], {
  pure: true,
  call: (ctx, [i, d]) => {
    const ns = durationArg(ctx, d);
    if (ns <= 0) ctx.interp.panic('`period` must be non-zero.');
    return new RInterval(ctx.world, instantArg(ctx, i), ns, site(ctx));
  },
});
defineFn(['tokio::time::Instant::now'], {
  pure: true,
  call: (ctx) => new RInstant(ctx.world.time.now(), true),
});

defineMethods(RInterval, 'tokio::time::Interval', {
  tick: (ctx, self) => new TickFuture(ctx.world, deref(self) as RInterval, site(ctx)),
  period: (_c, self) => new RDuration((deref(self) as RInterval).period),
  reset: (ctx, self) => {
    const iv = deref(self) as RInterval;
    iv.delay.reset(ctx.world.time.now() + iv.period, ctx.world.machine.current.currentTask?.id ?? -1);
    return UNIT;
  },
  missed_tick_behavior: (_c, self) => missedTick((deref(self) as RInterval).behavior),
  set_missed_tick_behavior: (ctx, self, [b]) => {
    const v = deref(b!);
    if (!(v instanceof REnum) || v.enumName !== 'MissedTickBehavior')
      return ctx.interp.unsupported('expected a `MissedTickBehavior`');
    (deref(self) as RInterval).behavior = v.variant as MissedTick;
    return UNIT;
  },
});

for (const v of ['Burst', 'Delay', 'Skip'] as const)
  defineConst(['tokio::time::MissedTickBehavior::' + v, 'tokio::time::interval::MissedTickBehavior::' + v], {
    value: () => missedTick(v),
  });

defineMethods(SleepFuture, 'tokio::time::Sleep', {
  /**
   * `Pin<&mut Sleep>::as_mut` on a pinned sleep (`tokio::pin!`): a `&mut` to where it lives, so
   * `reset` and `.await` reach it in place.
   */
  as_mut: (ctx, self) => (self instanceof RRef ? self : new RRef(ctx.place ?? new TempPlace(self), true)),
  deadline: (_c, self) => new RInstant((deref(self) as SleepFuture).deadline, true),
  is_elapsed: (_c, self) => (deref(self) as SleepFuture).entry.fired,
  reset: (ctx, self, [i]) => {
    (deref(self) as SleepFuture).reset(instantArg(ctx, i), ctx.world.machine.current.currentTask?.id ?? -1);
    return UNIT;
  },
});

defineMethods(Elapsed, 'tokio::time::error::Elapsed', {});
