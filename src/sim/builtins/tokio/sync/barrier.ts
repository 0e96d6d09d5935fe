/**
 * `tokio::sync::Barrier` (tokio 1.24 `sync/barrier.rs`): `n` tasks call `wait()`; the n-th arrival is the
 * leader, bumps the generation (a `watch::Sender::send`) and returns at once with `is_leader() == true`;
 * the others wait for the generation to change and return `false`. A barrier of 0 behaves as one of 1.
 *
 * The waiters sit in the watch channel's `Notify`, woken together by `notify_waiters` (oldest first into a
 * `WakeList`, which 1.24 wakes last-in first-out: `wakeBatch`). A `wait()` dropped while it waits is not
 * un-counted (tokio's is not cancel safe either).
 */
import { SimFuture } from '../../../future';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { PENDING, type PollOutcome } from '../../../poll';
import type { PollCx, Waker } from '../../../task';
import { deref, RObject, type Value } from '../../../values';
import { wakeBatch } from '../../../waker';
import type { World } from '../../../world';
import { num } from '../../support';
import { pollProceed } from '../../../coop';

class BarrierState {
  arrived = 0;
  generation = 0;
  /** The waiters' wakers, oldest first. */
  readonly waiters: { future: BarrierWaitFuture; waker: Waker }[] = [];
  constructor(
    readonly world: World,
    readonly n: number,
    readonly resource: number,
  ) {}

  state(): void {
    this.world.machine.emit('resource-state', {
      resource: this.resource,
      text: `${this.arrived} of ${this.n} arrived (generation ${this.generation})`,
    });
  }

  /** The leader arrived: next generation, wake everyone waiting for this one. */
  release(): void {
    this.arrived = 0;
    this.generation++;
    const woken = this.waiters.splice(0).map(({ waker }) => ({ waker, resource: this.resource }));
    this.state();
    wakeBatch(this.world, woken);
  }

  forget(f: BarrierWaitFuture): void {
    const i = this.waiters.findIndex((w) => w.future === f);
    if (i < 0) return;
    const [w] = this.waiters.splice(i, 1);
    this.world.machine.emit('deregister', { task: w!.waker.task.id, resource: this.resource, dir: '-' });
    w!.waker.drop(this.world);
  }
}

export class RBarrier extends RObject {
  readonly state: BarrierState;
  constructor(world: World, n: number, site: number) {
    super();
    const res = world.newResource('barrier', `Barrier::new(${n})`, site);
    this.state = new BarrierState(world, Math.max(n, 1), res);
    this.state.state();
  }
  typeName(): string {
    return 'Barrier';
  }
}

/** `BarrierWaitResult(bool)`: `is_leader`. */
export class BarrierWaitResult extends RObject {
  constructor(readonly leader: boolean) {
    super();
  }
  typeName(): string {
    return 'BarrierWaitResult';
  }
  fmtDebug(): string {
    return `BarrierWaitResult(${this.leader})`;
  }
}

/** The `wait()` future. */
class BarrierWaitFuture extends SimFuture {
  /** The generation it waits to see end (null: not yet arrived). */
  private generation: number | null = null;

  constructor(
    world: World,
    readonly barrier: BarrierState,
    site: number,
  ) {
    super(world, 'BarrierWait', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    const b = this.barrier;
    if (this.generation === null) {
      // `self.state.lock().await`: the Acquire of the state's Mutex spends coop budget.
      if (!pollProceed(this.world, cx, b.resource)) return PENDING;
      this.generation = b.generation;
      b.arrived++;
      if (b.arrived === b.n) {
        b.release();
        return new BarrierWaitResult(true);
      }
      b.state();
    } else if (b.generation > this.generation) {
      return new BarrierWaitResult(false);
    }
    const mine = b.waiters.find((w) => w.future === this);
    if (!mine) {
      b.waiters.push({ future: this, waker: cx.waker.clone(this.world) });
      this.world.machine.emit('register', { task: cx.task.id, resource: b.resource, dir: '-' });
    } else if (!mine.waker.willWake(cx.waker)) {
      mine.waker.drop(this.world);
      mine.waker = cx.waker.clone(this.world);
    }
    return PENDING;
  }

  protected override onDrop(): void {
    this.barrier.forget(this);
  }

  describeWait(): string {
    const b = this.barrier;
    return `Barrier::wait (${b.arrived} of ${b.n} arrived)`;
  }

  /** The barrier (the deadlock report's wait-for graph). */
  waitsOnResource(): number {
    return this.barrier.resource;
  }
}

function barrierOf(ctx: CallCtx, v: Value): RBarrier {
  const b = deref(v);
  if (b instanceof RBarrier) return b;
  return ctx.interp.unsupported('expected a tokio Barrier', ctx.span);
}

defineFn(['tokio::sync::Barrier::new'], {
  pure: true,
  call: (ctx, [n]) => new RBarrier(ctx.world, num(ctx, n, 'a number of tasks'), ctx.span.start),
});

defineMethods(RBarrier, 'tokio::sync::Barrier', {
  wait: (ctx, self) => new BarrierWaitFuture(ctx.world, barrierOf(ctx, self).state, ctx.span.start),
});

defineMethods(BarrierWaitResult, 'tokio::sync::BarrierWaitResult', {
  is_leader: (_ctx, self) => (deref(self) as BarrierWaitResult).leader,
});
