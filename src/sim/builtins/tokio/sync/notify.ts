/**
 * `tokio::sync::Notify` (spec §10.6). `notify_one` wakes the oldest waiter, or stores a single permit when
 * nobody waits (repeated calls do not accumulate). `notify_waiters` wakes everybody waiting *now* and stores
 * nothing; a `Notified` created before the call still completes. A `Notified` dropped after receiving a
 * `notify_one` passes the notification on. Notify spends no coop budget.
 */
import { SimFuture } from '../../../future';
import { RObject, UNIT, deref, type Value } from '../../../values';
import type { World } from '../../../world';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { PENDING, type PollOutcome } from '../../../poll';
import type { Waker, PollCx } from '../../../task';
import { wakeBatch } from '../../../waker';

class NotifyWaiter {
  waker: Waker | null = null;
  notified: 'one' | 'all' | null = null;
  constructor(readonly future: NotifiedFuture) {}
}

export class RNotify extends RObject {
  /** EMPTY / NOTIFIED (a stored permit); WAITING is `waiters.length > 0`. */
  permit = false;
  /** `notify_waiters` call counter, snapshotted by each `Notified` at creation. */
  calls = 0;
  readonly waiters: NotifyWaiter[] = [];
  readonly resource: number;

  constructor(
    private readonly world: World,
    site: number,
    /** Share another resource's id (watch channels notify through an internal Notify). */
    resource?: number,
  ) {
    super();
    this.resource = resource ?? world.newResource('notify', 'Notify', site);
    if (resource === undefined) this.state();
  }
  /** Internal notifies (inside watch) report state through their owner. */
  get internal(): boolean {
    return false;
  }
  typeName(): string {
    return 'Notify';
  }
  fmtDebug(): string {
    return 'Notify { .. }';
  }
  state(): void {
    const text = this.waiters.length
      ? `${this.waiters.length} waiting`
      : this.permit
        ? 'permit stored'
        : 'empty';
    this.world.machine.emit('resource-state', { resource: this.resource, text });
  }

  notifyOne(): void {
    const w = this.waiters.shift();
    if (!w) {
      this.permit = true;
      this.state();
      return;
    }
    w.notified = 'one';
    this.state();
    const k = w.waker;
    w.waker = null;
    if (k) k.wake(this.world, this.resource);
  }

  /** latest's `notify_last` (#6520, 1.38): wakes the newest waiter instead of the oldest. */
  notifyLast(): void {
    const w = this.waiters.pop();
    if (!w) {
      this.permit = true;
      this.state();
      return;
    }
    w.notified = 'one';
    this.state();
    const k = w.waker;
    w.waker = null;
    if (k) k.wake(this.world, this.resource);
  }

  notifyWaiters(): void {
    this.calls++;
    const ws = this.waiters.splice(0);
    this.state();
    const wakers: { waker: Waker; resource: number }[] = [];
    for (const w of ws) {
      w.notified = 'all';
      if (w.waker) wakers.push({ waker: w.waker, resource: this.resource });
      w.waker = null;
    }
    wakeBatch(this.world, wakers);
  }
}

export class NotifiedFuture extends SimFuture {
  private readonly createdAt: number;
  private phase: 'init' | 'waiting' | 'done' = 'init';
  private readonly waiter = new NotifyWaiter(this);

  constructor(
    world: World,
    readonly notify: RNotify,
    site: number,
  ) {
    super(world, 'Notified', site);
    this.createdAt = notify.calls;
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const n = this.notify;
    if (this.phase === 'init') {
      if (n.calls !== this.createdAt) {
        this.phase = 'done';
        return UNIT;
      }
      if (n.permit) {
        n.permit = false;
        n.state();
        this.phase = 'done';
        return UNIT;
      }
      n.waiters.push(this.waiter);
      this.phase = 'waiting';
      this.register(cx);
      n.state();
      return PENDING;
    }
    if (this.phase === 'waiting') {
      if (this.waiter.notified !== null) {
        this.phase = 'done';
        return UNIT;
      }
      this.register(cx);
      return PENDING;
    }
    return UNIT;
  }

  private register(cx: PollCx): void {
    const w = this.waiter;
    if (w.waker && w.waker.willWake(cx.waker)) return;
    if (w.waker) w.waker.drop(this.world);
    w.waker = cx.waker.clone(this.world);
    this.world.machine.emit('register', { task: cx.task.id, resource: this.notify.resource, dir: '-' });
  }

  protected override onDrop(): void {
    if (this.phase !== 'waiting') return;
    const n = this.notify;
    const i = n.waiters.indexOf(this.waiter);
    if (i >= 0) n.waiters.splice(i, 1);
    if (this.waiter.waker) {
      this.world.machine.emit('deregister', {
        task: this.waiter.waker.task.id,
        resource: n.resource,
        dir: '-',
      });
      this.waiter.waker.drop(this.world);
      this.waiter.waker = null;
    }
    // A notify_one that reached us but was never consumed goes to the next waiter (or becomes the permit).
    if (this.waiter.notified === 'one') n.notifyOne();
    else n.state();
  }

  describeWait(): string {
    return 'a Notify (notified().await; nobody calls notify_one / notify_waiters)';
  }
}

function notifyOf(ctx: CallCtx, v: Value): RNotify {
  const n = deref(v);
  if (n instanceof RNotify) return n;
  return ctx.interp.unsupported('expected a Notify');
}

defineFn(['tokio::sync::Notify::new', 'tokio::sync::Notify::const_new'], {
  pure: true,
  call: (ctx) => new RNotify(ctx.world, ctx.span.start),
});

defineMethods(RNotify, 'tokio::sync::Notify', {
  notified: (ctx, self) => new NotifiedFuture(ctx.world, notifyOf(ctx, self), ctx.span.start),
  notify_one: (ctx, self) => {
    notifyOf(ctx, self).notifyOne();
    return UNIT;
  },
  notify_last: (ctx, self) => {
    if (ctx.world.profile === '1.24')
      return ctx.interp.unsupported(
        '`Notify::notify_last` does not exist in tokio 1.24 (it arrived in 1.38, tokio #6520)',
        ctx.span,
        'run with the latest profile',
      );
    notifyOf(ctx, self).notifyLast();
    return UNIT;
  },
  notify_waiters: (ctx, self) => {
    notifyOf(ctx, self).notifyWaiters();
    return UNIT;
  },
});
