/**
 * `tokio::sync::Mutex` (a semaphore with one permit, so FIFO-fair; spec §10.1) and `std::sync::Mutex` (an
 * OS-level lock: a contended `lock()` blocks the whole thread — inside async code that stalls the runtime).
 */
import { RObject, UNIT, deref, errVal, okVal, type Place, type Value } from '../../values';
import { debug, display } from '../../format';
import type { World } from '../../world';
import { WaitQueue } from '../../machine';
import { dropValue } from '../../interp/drops';
import type { Interp } from '../../interp/interpreter';
import { defineFn, defineMethods, type CallCtx, type Gen } from '../registry';
import { AcquireFuture, BatchSemaphore } from './semaphore';
import { ErrorValue } from './common';

export class RTokioMutex extends RObject {
  readonly sem: BatchSemaphore;
  constructor(
    world: World,
    public value: Value,
    site: number,
  ) {
    super();
    const res = world.newResource('mutex', 'tokio::sync::Mutex', site);
    this.sem = new BatchSemaphore(
      world,
      1,
      res,
      (s) => `${s.permits === 1 ? 'unlocked' : 'locked'}${s.waiting ? `, ${s.waiting} waiting` : ''}`,
    );
    this.sem.state();
  }
  typeName(): string {
    return 'Mutex';
  }
  fmtDebug(): string {
    return this.sem.permits === 1
      ? `Mutex { data: ${debug(this.value, false)} }`
      : 'Mutex { data: <locked> }';
  }
  dropValue(interp: Interp): void {
    dropValue(interp, this.value);
  }
  cellPlace(): Place {
    return { get: () => this.value, set: (v) => (this.value = v) };
  }
}

/** `MutexGuard`: derefs to the protected value; dropping it unlocks (waking the next waiter, FIFO). */
export class TokioMutexGuard extends RObject {
  private released = false;
  constructor(readonly mutex: RTokioMutex) {
    super();
  }
  typeName(): string {
    return 'MutexGuard';
  }
  derefPlace(): Place {
    return this.mutex.cellPlace();
  }
  fmtDebug(pretty: boolean): string {
    return debug(this.mutex.value, pretty);
  }
  fmtDisplay(): string {
    return display(this.mutex.value);
  }
  dropValue(): void {
    if (this.released) return;
    this.released = true;
    this.mutex.sem.release(1);
  }
}

function tokioMutexOf(ctx: CallCtx, v: Value): RTokioMutex {
  const m = deref(v);
  if (m instanceof RTokioMutex) return m;
  return ctx.interp.unsupported('expected a tokio Mutex');
}

defineFn(['tokio::sync::Mutex::new', 'tokio::sync::Mutex::const_new'], {
  pure: true,
  call: (ctx, [v]) => new RTokioMutex(ctx.world, v!, ctx.span.start),
});

defineMethods(RTokioMutex, {
  lock: (ctx, self) => {
    const m = tokioMutexOf(ctx, self);
    return new AcquireFuture(ctx.world, m.sem, 1, 'Lock', ctx.span.start, () => new TokioMutexGuard(m));
  },
  lock_owned: (ctx, self) => {
    const m = tokioMutexOf(ctx, self);
    return new AcquireFuture(ctx.world, m.sem, 1, 'Lock', ctx.span.start, () => new TokioMutexGuard(m));
  },
  try_lock: (ctx, self) => {
    const m = tokioMutexOf(ctx, self);
    return m.sem.tryAcquire(1) === 'ok'
      ? okVal(new TokioMutexGuard(m))
      : errVal(new ErrorValue('TryLockError', 'TryLockError', [UNIT], 'operation would block'));
  },
  into_inner: (ctx, self) => {
    ctx.consume();
    return tokioMutexOf(ctx, self).value;
  },
  get_mut: (ctx, self) => tokioMutexOf(ctx, self).value,
});

// ---------------------------------------------------------------------------------------------- std::sync::Mutex

export class RStdMutex extends RObject {
  /** The thread holding the lock, or -1. */
  owner = -1;
  readonly waiters = new WaitQueue();
  readonly resource: number;
  constructor(
    private readonly world: World,
    public value: Value,
    site: number,
  ) {
    super();
    this.resource = world.newResource('std-mutex', 'std::sync::Mutex', site);
  }
  typeName(): string {
    return 'Mutex';
  }
  fmtDebug(): string {
    return this.owner < 0
      ? `Mutex { data: ${debug(this.value, false)}, poisoned: false, .. }`
      : 'Mutex { data: <locked>, poisoned: false, .. }';
  }
  dropValue(interp: Interp): void {
    dropValue(interp, this.value);
  }
  cellPlace(): Place {
    return { get: () => this.value, set: (v) => (this.value = v) };
  }
  unlock(): void {
    this.owner = -1;
    this.world.machine.emit('resource-state', { resource: this.resource, text: 'unlocked' });
    this.waiters.notifyOne(this.world.machine);
  }
}

export class StdMutexGuard extends RObject {
  private released = false;
  constructor(readonly mutex: RStdMutex) {
    super();
  }
  typeName(): string {
    return 'MutexGuard';
  }
  derefPlace(): Place {
    return this.mutex.cellPlace();
  }
  fmtDebug(pretty: boolean): string {
    return `MutexGuard { data: ${debug(this.mutex.value, pretty)}, .. }`;
  }
  fmtDisplay(): string {
    return display(this.mutex.value);
  }
  dropValue(): void {
    if (this.released) return;
    this.released = true;
    this.mutex.unlock();
  }
}

function stdMutexOf(ctx: CallCtx, v: Value): RStdMutex {
  const m = deref(v);
  if (m instanceof RStdMutex) return m;
  return ctx.interp.unsupported('expected a std Mutex');
}

/** `std::sync::Mutex::lock`: blocks the calling OS thread while another thread holds the lock. */
function* stdLock(ctx: CallCtx, m: RStdMutex): Gen<Value> {
  const machine = ctx.world.machine;
  const me = machine.current;
  if (m.owner === me.id) {
    // Re-locking on the same thread deadlocks in practice (std documents it may panic or deadlock).
    machine.emit('block', {
      until: -1,
      what: 'std Mutex::lock on a mutex this thread already holds',
      site: ctx.span.start,
    });
    yield {
      kind: 'wait',
      queue: new WaitQueue(),
      what: 'std Mutex::lock on a mutex this thread already holds (it never returns)',
    };
  }
  while (m.owner >= 0) {
    machine.emit('block', {
      until: -1,
      what: 'waiting for a std::sync::Mutex held by another thread',
      site: ctx.span.start,
    });
    yield { kind: 'wait', queue: m.waiters, what: 'waiting for a std::sync::Mutex' };
    machine.emit('unblock', {});
  }
  m.owner = me.id;
  machine.emit('resource-state', { resource: m.resource, text: `locked by ${me.name}` });
  return okVal(new StdMutexGuard(m));
}

defineFn(['std::sync::Mutex::new'], {
  pure: true,
  call: (ctx, [v]) => new RStdMutex(ctx.world, v!, ctx.span.start),
});

defineMethods(RStdMutex, {
  lock: (ctx, self) => stdLock(ctx, stdMutexOf(ctx, self)),
  try_lock: (ctx, self) => {
    const m = stdMutexOf(ctx, self);
    if (m.owner >= 0)
      return errVal(
        new ErrorValue('TryLockError', 'WouldBlock', [], 'try_lock failed because the operation would block'),
      );
    m.owner = ctx.world.machine.current.id;
    return okVal(new StdMutexGuard(m));
  },
  into_inner: (ctx, self) => {
    ctx.consume();
    return okVal(stdMutexOf(ctx, self).value);
  },
  get_mut: (ctx, self) => okVal(stdMutexOf(ctx, self).value),
  is_poisoned: () => false,
});
