/**
 * A program's own wakers: `Waker::from(Arc<T>)` for `impl std::task::Wake for T`, futures' `ArcWake`
 * (`waker`, `waker_ref`), the no-op waker (`Waker::noop`, `futures::task::noop_waker`), and the thread
 * waker `futures::executor::block_on` uses (wake = unpark the blocked thread).
 *
 * A `UserWaker` wakes by running the program's `wake` / `wake_by_ref` (interpreted code) where Rust would:
 * on the thread that wakes it, synchronously (a tokio timer firing in the driver runs it there, as tokio's
 * driver calls `Waker::wake`). Clones share the Arc, so `Arc::strong_count` counts wakers as in std.
 *
 * For the trace, every waker made from the same Arc has one `WakeTarget`; the future the program's
 * executor last polled with it (a "user task", exec/user-poll.ts) is the task its wakes name.
 */
import { isGen, type InterpCore } from '../../interp/core';
import type { SimThread } from '../../machine';
import type { Gen } from '../../poll';
import { Task, Waker, type TaskHost } from '../../task';
import { RRef, UNIT, type Value } from '../../values';
import type { RArc } from '../std/sync/arc';
import { unparkThread } from './park';
import { objectAddress, wakerDebug } from '../../waker-debug';

export type WakeKind = 'wake' | 'arcwake' | 'noop' | 'thread';

/** What a waker wakes: the shared identity of every clone of it. */
export class WakeTarget {
  /** The user task (exec/user-poll.ts) this waker last polled: its wakes are drawn as waking it. */
  task: Task | null = null;
  constructor(
    readonly kind: WakeKind,
    /** `impl Wake` / `ArcWake`: the program's value the Arc holds. */
    readonly interp: InterpCore | null,
    /** `thread`: the thread `block_on` parks. */
    readonly thread: SimThread | null,
    /** The waker's data pointer as `{:?}` prints it (sim/waker-debug.ts): 0 for the no-op waker. */
    readonly address = thread ? objectAddress(0x10000 + thread.id) : 0,
  ) {}
}

/** How many Arcs each run's wakers have pointed at: the next one's made-up address. */
const arcCount = new WeakMap<InterpCore, number>();

/** Stands for "no task yet" (a waker no executor has polled with): never emitted in the trace. */
const NO_TASK = new Task(-1, 'main', null, -1);

/** One target per Arc allocation (its shared inner), so `will_wake` and wakes agree across clones. */
const targets = new WeakMap<object, WakeTarget>();

export function targetOfArc(kind: 'wake' | 'arcwake', arc: RArc, interp: InterpCore): WakeTarget {
  let t = targets.get(arc.inner);
  if (!t) {
    const n = arcCount.get(interp) ?? 0;
    arcCount.set(interp, n + 1);
    t = new WakeTarget(kind, interp, null, objectAddress(n));
    targets.set(arc.inner, t);
  }
  return t;
}

export class UserWaker extends Waker {
  private spent = false;

  constructor(
    readonly target: WakeTarget,
    /** The Arc this waker holds (owned when `counted`, borrowed for `waker_ref`); null for noop / thread. */
    readonly arc: RArc | null,
    counted: boolean,
  ) {
    super(NO_TASK, counted);
  }

  override get task(): Task {
    return this.target.task ?? NO_TASK;
  }

  override fmtDebug(pretty = false): string {
    return wakerDebug(this.target.address, this.target.kind, pretty);
  }

  override clone(world: TaskHost): UserWaker {
    const arc = this.arc ? (this.arc.cloneValue() as RArc) : null;
    const task = this.target.task;
    if (task) world.machine.emit('waker-clone', { task: task.id, refs: this.arc?.inner.strong ?? 1 });
    return new UserWaker(this.target, arc, true);
  }

  override willWake(other: Waker): boolean {
    // No-op wakers share one data pointer and vtable in Rust, so any two of them will wake "the same".
    return (
      other instanceof UserWaker &&
      (other.target === this.target || (other.target.kind === 'noop' && this.target.kind === 'noop'))
    );
  }

  override wake(world: TaskHost, resource: number): void {
    runWake(this.target, this.wakeGen(world, resource, true));
  }

  override wakeByRef(world: TaskHost, resource: number): void {
    runWake(this.target, this.wakeGen(world, resource, false));
  }

  override drop(world: TaskHost): void {
    if (this.spent || !this.counted) return;
    this.spent = true;
    const task = this.target.task;
    if (task)
      world.machine.emit('waker-drop', {
        task: task.id,
        refs: Math.max(0, (this.arc?.inner.strong ?? 1) - 1),
      });
    if (this.arc && this.target.interp) this.target.interp.dropValue(this.arc);
  }

  /**
   * `Waker::wake` (consume) / `wake_by_ref`: emits the wake (who woke whom), then runs what the waker does.
   * A generator so the program's `wake` may block its thread when called from program code.
   */
  *wakeGen(world: TaskHost, resource: number, consume: boolean): Gen<Value> {
    if (this.spent) return UNIT;
    const t = this.target;
    const task = t.task;
    // A no-op waker wakes nobody: no wake event (the task would look scheduled).
    if (task && t.kind !== 'noop') {
      const by = world.machine.current.currentTask;
      world.machine.emit('wake', {
        task: task.id,
        by: by ? by.id : -1,
        resource,
        op: consume ? 'wake' : 'wake_by_ref',
        effect: task.complete ? 'after-complete' : 'main',
      });
      task.wakes++;
    }
    // The Arc the program's `wake(self: Arc<Self>)` receives: this waker's own when it is consumed.
    const owned = consume && this.counted;
    if (owned) this.spent = true;
    switch (t.kind) {
      case 'noop':
        return UNIT;
      case 'thread':
        unparkThread(world.machine, t.thread!);
        return UNIT;
      case 'wake':
        return yield* callWake(t.interp!, this.arc!, owned, 'wake');
      case 'arcwake':
        return yield* callWake(t.interp!, this.arc!, owned, 'arcwake');
    }
  }
}

/** Runs a wake to its end where the runtime calls it synchronously (a timer, a channel send). */
function runWake(target: WakeTarget, g: Gen<Value>): void {
  const step = g.next();
  if (step.done) return;
  g.return(UNIT);
  target.interp?.unsupported(
    'a waker whose `wake` blocks its thread, called from inside the runtime, is not supported by Pollscope yet',
  );
}

/**
 * std `Wake`: `wake(self: Arc<Self>)` and `wake_by_ref(self: &Arc<Self>)` (default: clone the Arc, wake).
 * futures `ArcWake`: `wake_by_ref(arc_self: &Arc<Self>)` and `wake(self: Arc<Self>)` (default:
 * `wake_by_ref(&self)`, then the Arc is dropped).
 */
function* callWake(interp: InterpCore, arc: RArc, owned: boolean, kind: 'wake' | 'arcwake'): Gen<Value> {
  const value = arc.inner.value;
  const byValue = interp.traits.forValue(value, 'wake');
  const byRef = interp.traits.forValue(value, 'wake_by_ref');
  const call = (found: typeof byValue, a: Value): Gen<Value> | Value => {
    if (found?.k !== 'fn') return interp.unsupported("the waker's type has no `wake`");
    const f = found.fn;
    return f.selfMode === null
      ? interp.callFnItem(f, [a], null, found.selfKey)
      : interp.callFnItem(f, [], a, found.selfKey);
  };
  const run = function* (r: Gen<Value> | Value): Gen<Value> {
    return isGen(r) ? yield* r : r;
  };
  if (owned) {
    // The consumed waker's Arc moves into `wake(self: Arc<Self>)`.
    if (kind === 'wake' || (byValue?.k === 'fn' && byValue.impl?.traitKey === 'ArcWake'))
      return yield* run(call(byValue, arc));
    yield* run(call(byRef, new RRef({ get: () => arc, set: () => {} }, false)));
    interp.dropValue(arc);
    return UNIT;
  }
  if (kind === 'arcwake' || byRef?.k === 'fn')
    return yield* run(call(byRef, new RRef({ get: () => arc, set: () => {} }, false)));
  // std's default `wake_by_ref`: `self.clone().wake()`.
  return yield* run(call(byValue, arc.cloneValue()));
}
