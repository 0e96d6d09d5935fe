/**
 * tokio's batch semaphore (`sync/batch_semaphore.rs`, spec §10.1) — the base of `Semaphore`, `Mutex` and the
 * bounded mpsc channel — and the public `tokio::sync::Semaphore` API.
 *
 * Waiters queue strictly FIFO. A waiter takes what permits are available and keeps them while it waits; a
 * release serves the oldest waiter first and stops at the first one it cannot satisfy, so a small request
 * can never overtake a large queued one. Permits return to the counter only when nobody waits.
 */
import { SimFuture } from '../../../future';
import { RObject, UNIT, deref, errVal, okVal, type Value } from '../../../values';
import type { World } from '../../../world';
import { pollProceed, restoreBudget } from '../../../coop';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { acquireError, tryAcquireClosed, tryAcquireNoPermits } from './errors';
import { PENDING, type PollOutcome } from '../../../poll';
import type { Waker, PollCx } from '../../../task';
import { wakeBatch } from '../../../waker';
import { WaitQueue } from '../../../machine';
import type { Gen } from '../../../poll';

export class SemWaiter {
  assigned = 0;
  /** In the wait list. */
  inList = false;
  waker: Waker | null = null;
  constructor(readonly needed: number) {}
}

export class BatchSemaphore {
  private queue: SemWaiter[] = [];
  closed = false;
  /**
   * Permits held, by the task that acquired them (a Mutex's guard, a Semaphore's permits; not a channel's
   * slots): only read by the deadlock report, to say who holds what the stuck tasks wait for.
   */
  readonly holders = new Map<number, number>();
  /** OS threads in a `blocking_lock` / `blocking_read` / `blocking_write`, re-checking on each release. */
  readonly threadWaiters = new WaitQueue();

  constructor(
    private readonly world: World,
    public permits: number,
    /** The trace resource that owns this semaphore (a Semaphore, a Mutex, a channel). */
    readonly resource: number,
    private readonly describe: (s: BatchSemaphore) => string,
  ) {}

  get waiting(): number {
    return this.queue.length;
  }

  /** `poll_acquire`: 'ready', 'closed', or 'pending' (the waiter is queued with `cx`'s waker). */
  pollAcquire(cx: PollCx, w: SemWaiter): 'ready' | 'closed' | 'pending' {
    if (this.closed) return 'closed';
    if (!w.inList && w.assigned === 0) {
      const take = Math.min(this.permits, w.needed);
      this.permits -= take;
      w.assigned = take;
      if (w.assigned >= w.needed) {
        this.state();
        return 'ready';
      }
      this.queue.push(w);
      w.inList = true;
      this.state();
    } else if (w.assigned >= w.needed) {
      return 'ready';
    }
    if (!w.waker || !w.waker.willWake(cx.waker)) {
      if (w.waker) w.waker.drop(this.world);
      w.waker = cx.waker.clone(this.world);
      this.world.machine.emit('register', { task: cx.task.id, resource: this.resource, dir: '-' });
    }
    return 'pending';
  }

  /** `try_acquire`: only from the counter (fails while waiters hold the queue). */
  tryAcquire(n: number): 'ok' | 'none' | 'closed' {
    if (this.closed) return 'closed';
    if (this.permits < n) return 'none';
    this.permits -= n;
    this.state();
    return 'ok';
  }

  /** `task` now holds `n` more permits (a guard or permit was handed to it). */
  hold(task: number, n: number): void {
    if (task >= 0 && n > 0) this.holders.set(task, (this.holders.get(task) ?? 0) + n);
  }

  /** The guard or permit `task` acquired gives back `n` permits. */
  unhold(task: number, n: number): void {
    const left = (this.holders.get(task) ?? 0) - n;
    if (left > 0) this.holders.set(task, left);
    else this.holders.delete(task);
  }

  /** The waiters' tasks, oldest first. */
  waiterTasks(): number[] {
    return this.queue.flatMap((w) => (w.waker ? [w.waker.task.id] : []));
  }

  /** `add_permits_locked`: serve the oldest waiters, then the counter. */
  release(n: number): void {
    let left = n;
    const woken: { waker: Waker; resource: number }[] = [];
    while (left > 0 && this.queue.length > 0) {
      const w = this.queue[0]!;
      const give = Math.min(left, w.needed - w.assigned);
      w.assigned += give;
      left -= give;
      if (w.assigned < w.needed) break;
      this.queue.shift();
      w.inList = false;
      if (w.waker) {
        woken.push({ waker: w.waker, resource: this.resource });
        w.waker = null;
      }
    }
    this.permits += left;
    this.state();
    wakeBatch(this.world, woken);
    this.threadWaiters.notifyAll(this.world.machine);
  }

  /** Dropping a queued `Acquire`: leave the queue and give back what it had been assigned. */
  dropWaiter(w: SemWaiter): void {
    if (w.inList) {
      this.queue.splice(this.queue.indexOf(w), 1);
      w.inList = false;
    }
    if (w.waker) {
      this.world.machine.emit('deregister', { task: w.waker.task.id, resource: this.resource, dir: '-' });
      w.waker.drop(this.world);
      w.waker = null;
    }
    if (w.assigned > 0) {
      const a = w.assigned;
      w.assigned = 0;
      this.release(a);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const woken = this.queue.splice(0).flatMap((w) => {
      w.inList = false;
      const k = w.waker;
      w.waker = null;
      return k ? [{ waker: k, resource: this.resource }] : [];
    });
    this.state();
    // `close` wakes each waiter as it pops it, oldest first (no WakeList, so no LIFO batch in 1.24).
    for (const { waker, resource } of woken) waker.wake(this.world, resource);
    this.threadWaiters.notifyAll(this.world.machine);
  }

  state(): void {
    this.world.machine.emit('resource-state', { resource: this.resource, text: this.describe(this) });
  }
}

/** The `Acquire` future. Completing it hands over `needed` permits; dropping it early returns them. */
export class AcquireFuture extends SimFuture {
  private readonly waiter: SemWaiter;
  /** Permits were handed out (Ready): ownership passed to the permit / guard. */
  private granted = false;

  constructor(
    world: World,
    readonly sem: BatchSemaphore,
    needed: number,
    name: string,
    site: number,
    /** Builds the output once the permits are held (a permit, a guard, a sent value) by task `holder`. */
    private readonly onReady: (granted: boolean, holder: number) => Value,
    /** What the deadlock report says it waits for (an RwLock's write lock), if not its permits. */
    private readonly describe: (() => string) | null = null,
  ) {
    super(world, name, site);
    this.waiter = new SemWaiter(needed);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (!pollProceed(this.world, cx, this.sem.resource)) return PENDING;
    const r = this.sem.pollAcquire(cx, this.waiter);
    if (r === 'pending') {
      restoreBudget(this.world);
      return PENDING;
    }
    this.granted = r === 'ready';
    return this.onReady(this.granted, cx.task.id);
  }

  protected override onDrop(): void {
    if (!this.granted) this.sem.dropWaiter(this.waiter);
  }

  describeWait(): string {
    if (this.describe) return this.describe();
    return `permits of ${this.name.replace(/Future$/, '')} (${this.sem.waiting} waiting)`;
  }

  /** The resource whose permits it waits for (the deadlock report's wait-for graph). */
  waitsOnResource(): number {
    return this.sem.resource;
  }
}

// ---------------------------------------------------------------------------------------------- public API

export class RSemaphore extends RObject {
  readonly sem: BatchSemaphore;
  constructor(world: World, permits: number, site: number) {
    super();
    const res = world.newResource('semaphore', `Semaphore(${permits})`, site);
    this.sem = new BatchSemaphore(
      world,
      permits,
      res,
      (s) =>
        `${s.permits} permit${s.permits === 1 ? '' : 's'} available, ${s.waiting} waiting${s.closed ? ', closed' : ''}`,
    );
    this.sem.state();
  }
  typeName(): string {
    return 'Semaphore';
  }
  fmtDebug(): string {
    return `Semaphore { ll_sem: Semaphore { permits: ${this.sem.permits} } }`;
  }
}

export class SemaphorePermit extends RObject {
  private released = false;
  constructor(
    readonly sem: BatchSemaphore,
    public permits: number,
    /** The task that acquired the permits (-1: none known). */
    private readonly holder: number,
  ) {
    super();
    sem.hold(holder, permits);
  }
  typeName(): string {
    return 'SemaphorePermit';
  }
  fmtDebug(): string {
    return `SemaphorePermit { sem: Semaphore { ll_sem: Semaphore { permits: ${this.sem.permits} } }, permits: ${this.permits} }`;
  }
  dropValue(): void {
    if (this.released) return;
    this.released = true;
    this.sem.unhold(this.holder, this.permits);
    if (this.permits > 0) this.sem.release(this.permits);
  }
  forget(): void {
    this.released = true;
    this.sem.unhold(this.holder, this.permits);
  }
}

export const ACQUIRE_ERROR = acquireError;

function semOf(ctx: CallCtx, v: Value): RSemaphore {
  const s = deref(v);
  if (s instanceof RSemaphore) return s;
  return ctx.interp.unsupported('expected a tokio Semaphore');
}

function acquire(ctx: CallCtx, self: Value, n: number): Value {
  const s = semOf(ctx, self);
  return new AcquireFuture(ctx.world, s.sem, n, 'Acquire', ctx.span.start, (granted, holder) =>
    granted ? okVal(new SemaphorePermit(s.sem, n, holder)) : errVal(ACQUIRE_ERROR()),
  );
}

const TRY_ACQUIRE_NO_PERMITS = tryAcquireNoPermits;
const TRY_ACQUIRE_CLOSED = tryAcquireClosed;

function tryAcquire(ctx: CallCtx, self: Value, n: number): Value {
  const s = semOf(ctx, self);
  const r = s.sem.tryAcquire(n);
  if (r === 'ok') return okVal(new SemaphorePermit(s.sem, n, currentTaskId(ctx)));
  return errVal(r === 'closed' ? TRY_ACQUIRE_CLOSED() : TRY_ACQUIRE_NO_PERMITS());
}

/** `future::block_on`'s panic (tokio 1.24 `future/block_on.rs`): blocking inside the runtime's context. */
export const BLOCK_IN_RUNTIME =
  'Cannot block the current thread from within a runtime. This happens because a function attempted to block the current thread while the thread is being used to drive asynchronous tasks.';

/**
 * `blocking_lock` / `blocking_read` / `blocking_write`: `block_on(acquire)` on an OS thread, which parks
 * until the permits are its. The thread takes permits only when no task queues for them, so the queue's
 * order is kept. Panics on a thread that drives the runtime, as tokio does.
 */
export function* blockingAcquire(ctx: CallCtx, sem: BatchSemaphore, n: number, what: string): Gen<boolean> {
  const m = ctx.world.machine;
  if (m.current.entered) return ctx.interp.panic(BLOCK_IN_RUNTIME);
  for (;;) {
    if (sem.closed) return false;
    if (sem.waiting === 0 && sem.tryAcquire(n) === 'ok') return true;
    m.emit('block', { until: -1, what, site: ctx.span.start });
    yield { kind: 'wait', queue: sem.threadWaiters, what };
    m.emit('unblock', {});
  }
}

/** The task running the call (-1 outside any task). */
export function currentTaskId(ctx: CallCtx): number {
  return ctx.world.machine.current.currentTask?.id ?? -1;
}

function count(ctx: CallCtx, v: Value | undefined): number {
  const n = v === undefined ? undefined : deref(v);
  if (typeof n === 'number') return n;
  return ctx.interp.unsupported('expected a number of permits');
}

defineFn(['tokio::sync::Semaphore::new'], {
  pure: true,
  call: (ctx, [n]) => new RSemaphore(ctx.world, count(ctx, n), ctx.span.start),
});
defineFn(['tokio::sync::Semaphore::const_new'], {
  pure: true,
  call: (ctx, [n]) => new RSemaphore(ctx.world, count(ctx, n), ctx.span.start),
});

defineMethods(RSemaphore, 'tokio::sync::Semaphore', {
  acquire: (ctx, self) => acquire(ctx, self, 1),
  acquire_many: (ctx, self, [n]) => acquire(ctx, self, count(ctx, n)),
  acquire_owned: (ctx, self) => acquire(ctx, self, 1),
  acquire_many_owned: (ctx, self, [n]) => acquire(ctx, self, count(ctx, n)),
  try_acquire: (ctx, self) => tryAcquire(ctx, self, 1),
  try_acquire_many: (ctx, self, [n]) => tryAcquire(ctx, self, count(ctx, n)),
  try_acquire_owned: (ctx, self) => tryAcquire(ctx, self, 1),
  available_permits: (ctx, self) => semOf(ctx, self).sem.permits,
  add_permits: (ctx, self, [n]) => {
    semOf(ctx, self).sem.release(count(ctx, n));
    return UNIT;
  },
  close: (ctx, self) => {
    semOf(ctx, self).sem.close();
    return UNIT;
  },
  is_closed: (ctx, self) => semOf(ctx, self).sem.closed,
});

defineMethods(SemaphorePermit, 'tokio::sync::SemaphorePermit / tokio::sync::OwnedSemaphorePermit', {
  forget: (_ctx, self) => {
    (deref(self) as SemaphorePermit).forget();
    return UNIT;
  },
  num_permits: (_ctx, self) => (deref(self) as SemaphorePermit).permits,
});
