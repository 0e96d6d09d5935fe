/**
 * `std::task::Waker` for a tokio task: the static vtable of `runtime/task/waker.rs` (spec §1.5).
 *
 * The waker handed to `poll` is borrowed (`WakerRef`, not counted). `clone()` makes an owned waker that
 * holds one task reference; `wake()` consumes it, `wake_by_ref()` does not, dropping it releases the
 * reference. `will_wake` is true when both point at the same task.
 */
import type { WakerDir } from '../trace/events';
import { RObject } from './values';
import type { SelfFormatting } from './format';
import { wakeTask, type Task, type WakeOp } from './task';
import type { World } from './world';

export class Waker extends RObject implements SelfFormatting {
  /** Consumed by `wake()` or dropped. */
  private gone = false;

  constructor(
    readonly task: Task,
    /** Owns a task reference (a clone), as opposed to the borrowed waker inside `Context`. */
    readonly counted: boolean,
  ) {
    super();
  }

  typeName(): string {
    return 'Waker';
  }
  fmtDebug(): string {
    return `Waker { data: Task(${this.task.id}), vtable: .. }`;
  }

  clone(world: World): Waker {
    this.task.refs++;
    this.task.wakerClones++;
    world.machine.emit('waker-clone', { task: this.task.id, refs: this.task.refs });
    return new Waker(this.task, true);
  }

  willWake(other: Waker): boolean {
    return other.task === this.task;
  }

  /** `Waker::wake` (by value): wakes, then the consumed waker's reference is released. */
  wake(world: World, resource: number, op: WakeOp = 'wake'): void {
    if (this.gone) return;
    wakeTask(world, this.task, op, resource);
    if (this.counted) {
      this.gone = true;
      this.task.refs--;
    }
  }

  wakeByRef(world: World, resource: number): void {
    if (this.gone) return;
    wakeTask(world, this.task, 'wake_by_ref', resource);
  }

  /** Drops an owned waker. Idempotent; borrowed wakers own nothing. */
  drop(world: World): void {
    if (this.gone || !this.counted) return;
    this.gone = true;
    this.task.refs--;
    this.task.wakerDrops++;
    world.machine.emit('waker-drop', { task: this.task.id, refs: this.task.refs });
  }
}

/**
 * A waker slot held by a resource (a timer entry, a channel's receiver waker, a JoinHandle's join waker):
 * storing emits `register`, replacing drops the old waker, taking it hands it to the caller to wake.
 */
export class WakerSlot {
  waker: Waker | null = null;

  constructor(
    readonly resource: number,
    /** An I/O source has a reader and a writer slot; every other resource has one kind of waiter. */
    readonly dir: WakerDir = '-',
  ) {}

  /** Stores a clone of `w` unless the stored waker already wakes the same task. */
  register(world: World, w: Waker): void {
    if (this.waker && this.waker.willWake(w)) return;
    if (this.waker) {
      world.machine.emit('deregister', { task: this.waker.task.id, resource: this.resource, dir: this.dir });
      this.waker.drop(world);
    }
    this.waker = w.clone(world);
    world.machine.emit('register', { task: w.task.id, resource: this.resource, dir: this.dir });
  }

  /** Wakes and clears the slot. */
  wake(world: World): void {
    const w = this.waker;
    if (!w) return;
    this.waker = null;
    w.wake(world, this.resource);
  }

  /** Forgets the stored waker without waking it. */
  clear(world: World): void {
    const w = this.waker;
    if (!w) return;
    this.waker = null;
    world.machine.emit('deregister', { task: w.task.id, resource: this.resource, dir: this.dir });
    w.drop(world);
  }
}
