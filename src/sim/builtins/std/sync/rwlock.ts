/**
 * `std::sync::RwLock` (library/std/src/sys/sync/rwlock/futex.rs, the Linux implementation): an OS-level
 * lock — a contended `read()` / `write()` blocks the whole thread, so inside async code it stalls the
 * runtime. It prefers writers: a reader does not take the lock while a writer waits, and a writer's unlock
 * wakes a waiting writer before the readers. Poisoning is not modelled (`read()` / `write()` are `Ok`).
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

export class RStdRwLock extends RObject {
  /** Read guards alive. */
  readers = 0;
  /** The thread holding the write lock, or -1. */
  writer = -1;
  writersWaiting = 0;
  readonly readWaiters = new WaitQueue();
  readonly writeWaiters = new WaitQueue();
  readonly resource: number;
  /** The tasks holding it (by the task that locked it), for the deadlock report. */
  private readonly holders = new Map<number, number>();
  readonly lock = { resource: -1, holders: (): ReadonlyMap<number, number> => this.holders };

  constructor(
    private readonly world: World,
    public value: Value,
    site: number,
  ) {
    super();
    this.resource = world.newResource('rwlock', 'std::sync::RwLock', site);
    this.lock.resource = this.resource;
  }
  typeName(): string {
    return 'RwLock';
  }
  fmtDebug(pretty: boolean): string {
    const data = this.writer >= 0 ? '<locked>' : debug(this.value, pretty);
    return `RwLock { data: ${data}, poisoned: false, .. }`;
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.value);
  }
  cellPlace(): Place {
    return { get: () => this.value, set: (v) => (this.value = v) };
  }
  /** `is_read_lockable`: no writer holds it and none waits. */
  get readable(): boolean {
    return this.writer < 0 && this.writersWaiting === 0;
  }
  get writable(): boolean {
    return this.writer < 0 && this.readers === 0;
  }
  acquired(write: boolean, task: number): void {
    if (write) this.writer = this.world.machine.current.id;
    else this.readers++;
    if (task >= 0) this.holders.set(task, (this.holders.get(task) ?? 0) + 1);
    this.state();
  }
  released(write: boolean, task: number): void {
    if (write) this.writer = -1;
    else this.readers--;
    const left = (this.holders.get(task) ?? 0) - 1;
    if (left > 0) this.holders.set(task, left);
    else this.holders.delete(task);
    this.state();
    // `wake_writer_or_readers`: a waiting writer first; the readers when no writer waits.
    const m = this.world.machine;
    if (this.writersWaiting > 0) this.writeWaiters.notifyOne(m);
    else this.readWaiters.notifyAll(m);
  }
  private state(): void {
    const text =
      this.writer >= 0 ? 'write-locked' : this.readers > 0 ? `${this.readers} reader(s)` : 'unlocked';
    this.world.machine.emit('resource-state', { resource: this.resource, text });
  }
}

/** `RwLockReadGuard` / `RwLockWriteGuard`: deref to the data; dropping unlocks. */
export class StdRwLockGuard extends RObject {
  private done = false;
  constructor(
    readonly lock: RStdRwLock,
    readonly write: boolean,
    private readonly task: number,
  ) {
    super();
    lock.acquired(write, task);
  }
  typeName(): string {
    return this.write ? 'RwLockWriteGuard' : 'RwLockReadGuard';
  }
  derefPlace(): Place {
    return this.lock.cellPlace();
  }
  /** `impl Debug for RwLock*Guard`: the data's Debug. */
  fmtDebug(pretty: boolean): string {
    return debug(this.lock.value, pretty);
  }
  fmtDisplay(): string {
    return display(this.lock.value);
  }
  dropValue(): void {
    if (this.done) return;
    this.done = true;
    this.lock.released(this.write, this.task);
  }
}

function lockOf(ctx: CallCtx, v: Value): RStdRwLock {
  const l = deref(v);
  if (l instanceof RStdRwLock) return l;
  return ctx.interp.unsupported('expected a std RwLock', ctx.span);
}

const taskId = (ctx: CallCtx) => ctx.world.machine.current.currentTask?.id ?? -1;

/** `read()` / `write()`: blocks the calling OS thread until the lock can be taken. */
function* lock(ctx: CallCtx, l: RStdRwLock, write: boolean): Gen<Value> {
  const m = ctx.world.machine;
  const me = m.current;
  const what = write
    ? 'waiting for a std::sync::RwLock write lock'
    : 'waiting for a std::sync::RwLock read lock';
  if (write) l.writersWaiting++;
  try {
    while (write ? !l.writable : !l.readable) {
      const mine = l.writer === me.id;
      m.emit('block', {
        until: -1,
        what: mine ? `${what} this thread already holds (it never returns)` : what,
        site: ctx.span.start,
      });
      yield { kind: 'wait', queue: write ? l.writeWaiters : l.readWaiters, what, lock: l.lock };
      m.emit('unblock', {});
    }
  } finally {
    if (write) l.writersWaiting--;
  }
  return okVal(new StdRwLockGuard(l, write, taskId(ctx)));
}

const wouldBlock = () =>
  errVal(
    new ErrorValue('TryLockError', 'WouldBlock', [], 'try_lock failed because the operation would block'),
  );

defineFn(['std::sync::RwLock::new'], {
  pure: true,
  call: (ctx, [v]) => new RStdRwLock(ctx.world, v!, ctx.span.start),
});

defineMethods(RStdRwLock, 'std::sync::RwLock', {
  read: (ctx, self) => lock(ctx, lockOf(ctx, self), false),
  write: (ctx, self) => lock(ctx, lockOf(ctx, self), true),
  try_read: (ctx, self) => {
    const l = lockOf(ctx, self);
    return l.readable ? okVal(new StdRwLockGuard(l, false, taskId(ctx))) : wouldBlock();
  },
  try_write: (ctx, self) => {
    const l = lockOf(ctx, self);
    return l.writable ? okVal(new StdRwLockGuard(l, true, taskId(ctx))) : wouldBlock();
  },
  into_inner: (ctx, self) => {
    ctx.consume();
    return okVal(lockOf(ctx, self).value);
  },
  get_mut: (ctx, self) => okVal(lockOf(ctx, self).value),
  is_poisoned: () => false,
});
