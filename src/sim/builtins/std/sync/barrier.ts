/**
 * `std::sync::Barrier` (library/std/src/sync/barrier.rs): `n` threads call `wait()`, which blocks the
 * thread until the n-th arrives; that last one is the leader (`is_leader() == true`). The barrier is
 * reusable (a generation counter). Like every std lock it blocks the whole thread.
 */
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { WaitQueue } from '../../../machine';
import type { Gen } from '../../../poll';
import { deref, RObject, type Value } from '../../../values';
import type { World } from '../../../world';
import { num } from '../../support';
import { BarrierWaitResult } from '../../tokio/sync/barrier';

export class RStdBarrier extends RObject {
  count = 0;
  generation = 0;
  readonly waiters = new WaitQueue();
  readonly resource: number;
  constructor(
    world: World,
    readonly n: number,
    site: number,
  ) {
    super();
    this.resource = world.newResource('barrier', `std::sync::Barrier::new(${n})`, site);
  }
  typeName(): string {
    return 'Barrier';
  }
  fmtDebug(): string {
    return 'Barrier { .. }';
  }
}

function* wait(ctx: CallCtx, b: RStdBarrier): Gen<Value> {
  const m = ctx.world.machine;
  const gen = b.generation;
  b.count++;
  if (b.count < b.n) {
    const what = `Barrier::wait (${b.count} of ${b.n} arrived)`;
    while (gen === b.generation) {
      m.emit('block', { until: -1, what, site: ctx.span.start });
      yield { kind: 'wait', queue: b.waiters, what };
      m.emit('unblock', {});
    }
    return new BarrierWaitResult(false);
  }
  b.count = 0;
  b.generation++;
  b.waiters.notifyAll(m);
  return new BarrierWaitResult(true);
}

defineFn(['std::sync::Barrier::new'], {
  pure: true,
  call: (ctx, [n]) => new RStdBarrier(ctx.world, num(ctx, n, 'a number of threads'), ctx.span.start),
});

defineMethods(RStdBarrier, 'std::sync::Barrier', {
  wait: (ctx, self) => {
    const b = deref(self);
    if (!(b instanceof RStdBarrier)) return ctx.interp.unsupported('expected a std Barrier', ctx.span);
    return wait(ctx, b);
  },
});
