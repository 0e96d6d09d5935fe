/**
 * `std::sync::Mutex`: an OS-level lock — a contended `lock()` blocks the whole thread, so inside async code it
 * stalls the runtime.
 */
import { debug, display } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { WaitQueue } from '../../../machine';
import type { Gen } from '../../../poll';
import { deref, errVal, okVal, RObject, type Place, type Value } from '../../../values';
import type { World } from '../../../world';
import { ErrorValue } from '../../error-value';

export class RStdMutex extends RObject {
  /** The thread holding the lock, or -1. */
  owner = -1;
  /** The task that locked it (-1: none, or a plain thread): the deadlock report's holder. */
  ownerTask = -1;
  /** What a thread blocked on this mutex tells the deadlock report. */
  readonly lock = {
    resource: -1,
    holders: (): ReadonlyMap<number, number> => new Map(this.ownerTask >= 0 ? [[this.ownerTask, 1]] : []),
  };
  readonly waiters = new WaitQueue();
  readonly resource: number;
  constructor(
    private readonly world: World,
    public value: Value,
    site: number,
  ) {
    super();
    this.resource = world.newResource('std-mutex', 'std::sync::Mutex', site);
    this.lock.resource = this.resource;
  }
  typeName(): string {
    return 'Mutex';
  }
  fmtDebug(): string {
    return this.owner < 0
      ? `Mutex { data: ${debug(this.value, false)}, poisoned: false, .. }`
      : 'Mutex { data: <locked>, poisoned: false, .. }';
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.value);
  }
  cellPlace(): Place {
    return { get: () => this.value, set: (v) => (this.value = v) };
  }
  unlock(): void {
    this.owner = -1;
    this.ownerTask = -1;
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
      lock: m.lock,
    };
  }
  while (m.owner >= 0) {
    machine.emit('block', {
      until: -1,
      what: 'waiting for a std::sync::Mutex held by another thread',
      site: ctx.span.start,
    });
    yield { kind: 'wait', queue: m.waiters, what: 'waiting for a std::sync::Mutex', lock: m.lock };
    machine.emit('unblock', {});
  }
  m.owner = me.id;
  m.ownerTask = me.currentTask?.id ?? -1;
  machine.emit('resource-state', { resource: m.resource, text: `locked by ${me.name}` });
  return okVal(new StdMutexGuard(m));
}

defineFn(['std::sync::Mutex::new'], {
  pure: true,
  call: (ctx, [v]) => new RStdMutex(ctx.world, v!, ctx.span.start),
});

defineMethods(RStdMutex, 'std::sync::Mutex', {
  lock: (ctx, self) => stdLock(ctx, stdMutexOf(ctx, self)),
  try_lock: (ctx, self) => {
    const m = stdMutexOf(ctx, self);
    if (m.owner >= 0)
      return errVal(
        new ErrorValue('TryLockError', 'WouldBlock', [], 'try_lock failed because the operation would block'),
      );
    m.owner = ctx.world.machine.current.id;
    m.ownerTask = ctx.world.machine.current.currentTask?.id ?? -1;
    return okVal(new StdMutexGuard(m));
  },
  into_inner: (ctx, self) => {
    ctx.consume();
    return okVal(stdMutexOf(ctx, self).value);
  },
  get_mut: (ctx, self) => okVal(stdMutexOf(ctx, self).value),
  is_poisoned: () => false,
});
