/**
 * `tokio::sync::RwLock` (tokio 1.24 `sync/rwlock.rs`): a batch semaphore of `max_readers` permits. A read
 * takes one permit, a write takes all of them. The semaphore is FIFO, so the lock is fair: a writer queued
 * behind readers holds the permits it was assigned while it waits, and a reader arriving after it queues
 * behind it (even though readers hold the lock), which is what makes `try_read` fail then too.
 *
 * Owned guards (`read_owned` / `write_owned`, `self: Arc<Self>`) keep the `Arc` alive until they drop.
 */
import { debug, display } from '../../../format';
import type { InterpCore } from '../../../interp/core';
import { dropValue } from '../../../interp/drops';
import { defineFn, defineMethods, withPrefixes, type CallCtx } from '../../../interp/registry';
import { deref, errVal, okVal, RObject, UNIT, type Place, type Value } from '../../../values';
import type { World } from '../../../world';
import { ErrorValue } from '../../error-value';
import { RArc } from '../../std/sync/arc';
import { num } from '../../support';
import { AcquireFuture, BatchSemaphore, blockingAcquire, currentTaskId } from './semaphore';
import type { Gen } from '../../../poll';

/** `MAX_READS`: `u32::MAX >> 3`, the default number of concurrent readers. */
const MAX_READS = 0xffffffff >>> 3;

export class RRwLock extends RObject {
  readonly sem: BatchSemaphore;
  constructor(
    private readonly world: World,
    public value: Value,
    readonly maxReaders: number,
    site: number,
  ) {
    super();
    const res = world.newResource('rwlock', 'tokio::sync::RwLock', site);
    this.sem = new BatchSemaphore(world, maxReaders, res, (s) => this.describe(s));
    this.sem.state();
  }
  /** Guards alive now (the semaphore's counter also counts what a queued writer was assigned). */
  readers = 0;
  writer = false;
  private describe(s: BatchSemaphore): string {
    const r = this.readers;
    const state = this.writer ? 'write-locked' : r > 0 ? `${r} reader${r === 1 ? '' : 's'}` : 'unlocked';
    return `${state}${s.waiting ? `, ${s.waiting} waiting` : ''}`;
  }
  typeName(): string {
    return 'RwLock';
  }
  describeNow(): string {
    return this.describe(this.sem);
  }
  /**
   * `impl Debug for RwLock`. tokio 1.24 derives it (`mr`, the semaphore's free permits, the cell); 1.28
   * (#5647) shows the data if a read lock could be taken now, else `<locked>`.
   */
  fmtDebug(pretty: boolean, indent = ''): string {
    if (this.world.profile === '1.24') {
      if (!pretty)
        return `RwLock { mr: ${this.maxReaders}, s: Semaphore { permits: ${this.sem.permits} }, c: UnsafeCell { .. } }`;
      const i = indent + '    ';
      return `RwLock {\n${i}mr: ${this.maxReaders},\n${i}s: Semaphore {\n${i}    permits: ${this.sem.permits},\n${i}},\n${i}c: UnsafeCell { .. },\n${indent}}`;
    }
    const data = this.sem.permits >= 1 ? debug(this.value, pretty, null, indent + '    ') : '<locked>';
    return pretty ? `RwLock {\n${indent}    data: ${data},\n${indent}}` : `RwLock { data: ${data} }`;
  }
  dropValue(interp: InterpCore): void {
    dropValue(interp, this.value);
  }
  cellPlace(): Place {
    return { get: () => this.value, set: (v) => (this.value = v) };
  }
}

/** `RwLockReadGuard` / `RwLockWriteGuard` (and their owned forms): deref to the data; drop releases. */
export class RwLockGuard extends RObject {
  private released = false;
  constructor(
    readonly lock: RRwLock,
    /** Permits held: 1 for a read guard, `max_readers` for a write guard. */
    private readonly permits: number,
    private readonly holder: number,
    /** The `Arc<RwLock>` an owned guard keeps alive, dropped with it. */
    private readonly arc: RArc | null,
  ) {
    super();
    lock.sem.hold(holder, permits);
  }
  /** Counts this guard in the lock's readers / writer (before the semaphore reports the state). */
  count(delta: 1 | -1): void {
    if (this.isWrite) this.lock.writer = delta > 0;
    else this.lock.readers += delta;
  }
  /** A write guard (set by `guard`, cleared by `downgrade`). */
  isWrite = false;
  typeName(): string {
    const owned = this.arc ? 'Owned' : '';
    return `${owned}RwLock${this.isWrite ? 'Write' : 'Read'}Guard`;
  }
  /** The data (a read guard's writes are rustc's to refuse: the program compiled). */
  derefPlace(): Place {
    return this.lock.cellPlace();
  }
  fmtDebug(pretty: boolean): string {
    return debug(this.lock.value, pretty);
  }
  fmtDisplay(): string {
    return display(this.lock.value);
  }
  dropValue(interp: InterpCore): void {
    if (this.released) return;
    this.released = true;
    this.count(-1);
    this.lock.sem.unhold(this.holder, this.permits);
    this.lock.sem.release(this.permits);
    if (this.arc) dropValue(interp, this.arc);
  }
  /** `RwLockWriteGuard::downgrade`: keep one permit, give the rest back (waking queued readers). */
  downgrade(): RwLockGuard {
    this.released = true;
    this.count(-1);
    const keep = new RwLockGuard(this.lock, 1, this.holder, this.arc);
    keep.count(1);
    this.lock.sem.unhold(this.holder, this.permits);
    this.lock.sem.release(this.permits - 1);
    return keep;
  }
}

function guard(lock: RRwLock, write: boolean, holder: number, arc: RArc | null): RwLockGuard {
  const g = new RwLockGuard(lock, write ? lock.maxReaders : 1, holder, arc);
  g.isWrite = write;
  g.count(1);
  lock.sem.state();
  return g;
}

function rwlockOf(ctx: CallCtx, v: Value): RRwLock {
  const l = deref(v);
  if (l instanceof RRwLock) return l;
  return ctx.interp.unsupported('expected a tokio RwLock', ctx.span);
}

/** `read` / `write`: an Acquire of 1 or `max_readers` permits whose output is the guard. */
function lockFuture(ctx: CallCtx, lock: RRwLock, write: boolean, arc: RArc | null): Value {
  return new AcquireFuture(
    ctx.world,
    lock.sem,
    write ? lock.maxReaders : 1,
    write ? 'Write' : 'Read',
    ctx.span.start,
    (_granted, holder) => guard(lock, write, holder, arc),
    () => `the ${write ? 'write' : 'read'} lock of an RwLock (${lock.describeNow()})`,
  );
}

/** `try_read` / `try_write`: `TryLockError(())` ("operation would block") when the permits are not free. */
function tryLock(ctx: CallCtx, lock: RRwLock, write: boolean, arc: RArc | null = null): Value {
  if (lock.sem.tryAcquire(write ? lock.maxReaders : 1) === 'ok')
    return okVal(guard(lock, write, currentTaskId(ctx), arc));
  // The call took the Arc by value: on failure it is dropped here.
  if (arc) dropValue(ctx.interp, arc);
  return errVal(new ErrorValue('TryLockError', 'TryLockError', [UNIT], 'operation would block'));
}

/** The `Arc<RwLock>` an owned-guard method is called on (`self: Arc<Self>`), taken by value. */
function ownedLock(ctx: CallCtx, self: Value, method: string): { lock: RRwLock; arc: RArc } {
  const arc = deref(self);
  if (arc instanceof RArc && deref(arc.inner.value) instanceof RRwLock) {
    ctx.consume();
    return { lock: deref(arc.inner.value) as RRwLock, arc };
  }
  return ctx.interp.unsupported(`\`${method}\` is a method of \`Arc<tokio::sync::RwLock<_>>\``, ctx.span);
}

/** `blocking_read` / `blocking_write`: for OS threads (`block_on(self.read())`). */
function* blockingLock(ctx: CallCtx, lock: RRwLock, write: boolean): Gen<Value> {
  const what = `blocking_${write ? 'write' : 'read'} on a tokio RwLock`;
  yield* blockingAcquire(ctx, lock.sem, write ? lock.maxReaders : 1, what);
  return guard(lock, write, -1, null);
}

const RWLOCK = ['tokio::sync'];
defineFn(withPrefixes('RwLock::new', RWLOCK).slice(1), {
  pure: true,
  call: (ctx, [v]) => new RRwLock(ctx.world, v!, MAX_READS, ctx.span.start),
});
defineFn(withPrefixes('RwLock::const_new', RWLOCK).slice(1), {
  pure: true,
  call: (ctx, [v]) => new RRwLock(ctx.world, v!, MAX_READS, ctx.span.start),
});
/** `with_max_readers`: panics past `MAX_READS` (tokio's assert). */
for (const name of ['RwLock::with_max_readers', 'RwLock::const_with_max_readers'])
  defineFn(withPrefixes(name, RWLOCK).slice(1), {
    pure: true,
    call: (ctx, [v, n]) => {
      const max = num(ctx, n, 'a number of readers');
      if (max > MAX_READS)
        ctx.interp.panic(`a RwLock may not be created with more than ${MAX_READS} readers`);
      return new RRwLock(ctx.world, v!, max, ctx.span.start);
    },
  });

defineMethods(RRwLock, 'tokio::sync::RwLock', {
  read: (ctx, self) => lockFuture(ctx, rwlockOf(ctx, self), false, null),
  write: (ctx, self) => lockFuture(ctx, rwlockOf(ctx, self), true, null),
  try_read: (ctx, self) => tryLock(ctx, rwlockOf(ctx, self), false),
  blocking_read: (ctx, self) => blockingLock(ctx, rwlockOf(ctx, self), false),
  blocking_write: (ctx, self) => blockingLock(ctx, rwlockOf(ctx, self), true),
  try_write: (ctx, self) => tryLock(ctx, rwlockOf(ctx, self), true),
  into_inner: (ctx, self) => {
    ctx.consume();
    return rwlockOf(ctx, self).value;
  },
  get_mut: (ctx, self) => rwlockOf(ctx, self).value,
});

defineMethods(RArc, 'std::sync::Arc', {
  read_owned: (ctx, self) => {
    const { lock, arc } = ownedLock(ctx, self, 'read_owned');
    return lockFuture(ctx, lock, false, arc);
  },
  write_owned: (ctx, self) => {
    const { lock, arc } = ownedLock(ctx, self, 'write_owned');
    return lockFuture(ctx, lock, true, arc);
  },
  try_read_owned: (ctx, self) => {
    const { lock, arc } = ownedLock(ctx, self, 'try_read_owned');
    return tryLock(ctx, lock, false, arc);
  },
  try_write_owned: (ctx, self) => {
    const { lock, arc } = ownedLock(ctx, self, 'try_write_owned');
    return tryLock(ctx, lock, true, arc);
  },
});

/** `RwLockWriteGuard::downgrade(guard)`: an associated function, not a method (the guard derefs). */
for (const name of ['RwLockWriteGuard::downgrade', 'OwnedRwLockWriteGuard::downgrade'])
  defineFn([`tokio::sync::${name}`], {
    pure: true,
    call: (ctx, [g]) => {
      const x = deref(g!);
      if (!(x instanceof RwLockGuard) || !x.isWrite)
        return ctx.interp.unsupported('`downgrade` takes a write guard', ctx.span);
      return x.downgrade();
    },
  });
