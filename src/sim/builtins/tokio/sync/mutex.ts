/** `tokio::sync::Mutex`: a semaphore with one permit, so FIFO-fair (spec §10.1). */
import { debug, display } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { deref, errVal, okVal, RObject, UNIT, type Place, type Value } from '../../../values';
import type { World } from '../../../world';
import { ErrorValue } from '../../error-value';
import { AcquireFuture, BatchSemaphore, blockingAcquire, currentTaskId } from './semaphore';
import type { Gen } from '../../../poll';

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
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.value);
  }
  cellPlace(): Place {
    return { get: () => this.value, set: (v) => (this.value = v) };
  }
}

/** `MutexGuard`: derefs to the protected value; dropping it unlocks (waking the next waiter, FIFO). */
export class TokioMutexGuard extends RObject {
  private released = false;
  constructor(
    readonly mutex: RTokioMutex,
    /** The task that locked it (-1: none known). */
    private readonly holder: number,
  ) {
    super();
    mutex.sem.hold(holder, 1);
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
    this.mutex.sem.unhold(this.holder, 1);
    this.mutex.sem.release(1);
  }
}

function* blockingLock(ctx: CallCtx, m: RTokioMutex): Gen<Value> {
  yield* blockingAcquire(ctx, m.sem, 1, 'blocking_lock on a tokio Mutex');
  return new TokioMutexGuard(m, -1);
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

defineMethods(RTokioMutex, 'tokio::sync::Mutex', {
  lock: (ctx, self) => {
    const m = tokioMutexOf(ctx, self);
    return new AcquireFuture(
      ctx.world,
      m.sem,
      1,
      'Lock',
      ctx.span.start,
      (_granted, holder) => new TokioMutexGuard(m, holder),
    );
  },
  lock_owned: (ctx, self) => {
    const m = tokioMutexOf(ctx, self);
    return new AcquireFuture(
      ctx.world,
      m.sem,
      1,
      'Lock',
      ctx.span.start,
      (_granted, holder) => new TokioMutexGuard(m, holder),
    );
  },
  try_lock: (ctx, self) => {
    const m = tokioMutexOf(ctx, self);
    return m.sem.tryAcquire(1) === 'ok'
      ? okVal(new TokioMutexGuard(m, currentTaskId(ctx)))
      : errVal(new ErrorValue('TryLockError', 'TryLockError', [UNIT], 'operation would block'));
  },
  /** `blocking_lock`: for OS threads (`block_on(self.lock())`). */
  blocking_lock: (ctx, self) => {
    return blockingLock(ctx, tokioMutexOf(ctx, self));
  },
  into_inner: (ctx, self) => {
    ctx.consume();
    return tokioMutexOf(ctx, self).value;
  },
  get_mut: (ctx, self) => tokioMutexOf(ctx, self).value,
});
