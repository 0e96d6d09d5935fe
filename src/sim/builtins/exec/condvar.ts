/**
 * `std::sync::Condvar`: `wait` releases the guard's mutex and blocks the thread until `notify_one` /
 * `notify_all`, then takes the mutex again (`wait_while`, `wait_timeout` too). Spurious wakeups do not
 * happen here; a `wait` nothing can ever notify is a deadlock the run names.
 */
import { defineFn, defineMethods, takes, type CallCtx } from '../../interp/registry';
import { WaitQueue } from '../../machine';
import type { Gen } from '../../poll';
import { deref, okVal, RDuration, RObject, RRef, RTuple, UNIT, type Value } from '../../values';
import { callClosure } from '../support';
import { StdMutexGuard } from '../std/sync/mutex';

export class RCondvar extends RObject {
  readonly waiters = new WaitQueue();
  typeName(): string {
    return 'Condvar';
  }
  fmtDebug(): string {
    return 'Condvar { .. }';
  }
}

/** `WaitTimeoutResult`: `timed_out()`. */
class WaitTimeoutResult extends RObject {
  constructor(readonly timedOut: boolean) {
    super();
  }
  typeName(): string {
    return 'WaitTimeoutResult';
  }
  fmtDebug(): string {
    return `WaitTimeoutResult(${this.timedOut})`;
  }
}

function guardArg(ctx: CallCtx, v: Value | undefined): StdMutexGuard {
  const g = v === undefined ? undefined : deref(v);
  if (g instanceof StdMutexGuard) return g;
  return ctx.interp.unsupported('`Condvar::wait` takes the `MutexGuard` of a std Mutex');
}

/** Releases the guard, waits for a notify (or the timeout), re-locks; returns the new guard, timed out. */
function* waitOnce(
  ctx: CallCtx,
  cv: RCondvar,
  g: StdMutexGuard,
  timeoutNs: number | null,
): Gen<[StdMutexGuard, boolean]> {
  const m = ctx.world.machine;
  const mutex = g.mutex;
  g.dropValue();
  const what = 'Condvar::wait (until another thread calls notify_one / notify_all)';
  const start = m.current.clock;
  m.emit('block', { until: timeoutNs === null ? -1 : start + timeoutNs, what, site: ctx.span.start });
  yield { kind: 'wait', queue: cv.waiters, what, ...(timeoutNs === null ? {} : { timeoutNs }) };
  m.emit('unblock', {});
  cv.waiters.remove(m.current);
  const timedOut = timeoutNs !== null && m.current.clock - start >= timeoutNs;
  while (mutex.owner >= 0) {
    yield {
      kind: 'wait',
      queue: mutex.waiters,
      what: 'waiting for a std::sync::Mutex (after Condvar::wait)',
    };
  }
  mutex.owner = m.current.id;
  return [new StdMutexGuard(mutex), timedOut];
}

function truthy(v: Value): boolean {
  return deref(v) === true;
}

defineFn(['std::sync::Condvar::new'], { pure: true, arity: 0, call: () => new RCondvar() });

defineMethods(RCondvar, 'std::sync::Condvar', {
  wait: takes(1, (ctx, self, [g]) =>
    (function* () {
      const [guard] = yield* waitOnce(ctx, deref(self) as RCondvar, guardArg(ctx, g), null);
      return okVal(guard);
    })(),
  ),
  wait_while: takes(2, (ctx, self, [g, f]) =>
    (function* () {
      let guard = guardArg(ctx, g);
      while (truthy(yield* callClosure(ctx, f!, [new RRef(guard.derefPlace(), true)])))
        [guard] = yield* waitOnce(ctx, deref(self) as RCondvar, guard, null);
      return okVal(guard);
    })(),
  ),
  wait_timeout: takes(2, (ctx, self, [g, d]) =>
    (function* () {
      const dur = deref(d!);
      if (!(dur instanceof RDuration)) return ctx.interp.unsupported('`wait_timeout` takes a Duration');
      const [guard, timedOut] = yield* waitOnce(ctx, deref(self) as RCondvar, guardArg(ctx, g), dur.ns);
      return okVal(new RTuple([guard, new WaitTimeoutResult(timedOut)]));
    })(),
  ),
  notify_one: (ctx, self) => {
    (deref(self) as RCondvar).waiters.notifyOne(ctx.world.machine);
    return UNIT;
  },
  notify_all: (ctx, self) => {
    (deref(self) as RCondvar).waiters.notifyAll(ctx.world.machine);
    return UNIT;
  },
});

defineMethods(WaitTimeoutResult, 'std::sync::WaitTimeoutResult', {
  timed_out: (_ctx, self) => (deref(self) as WaitTimeoutResult).timedOut,
});
