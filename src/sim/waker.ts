/**
 * Where resources keep wakers: a `WakerSlot` per waiter (a timer entry, a channel's receiver, a JoinHandle,
 * a socket's reader and writer), and `wakeBatch` for operations that wake many at once (tokio's
 * `WakeList`). The `Waker` itself is in task.ts.
 */
import type { WakerDir } from '../trace/events';
import type { TaskHost, Waker } from './task';

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
  register(world: TaskHost, w: Waker): void {
    if (this.waker && this.waker.willWake(w)) return;
    if (this.waker) {
      world.machine.emit('deregister', { task: this.waker.task.id, resource: this.resource, dir: this.dir });
      this.waker.drop(world);
    }
    this.waker = w.clone(world);
    world.machine.emit('register', { task: w.task.id, resource: this.resource, dir: this.dir });
  }

  /** Wakes and clears the slot. */
  wake(world: TaskHost): void {
    const w = this.waker;
    if (!w) return;
    this.waker = null;
    w.wake(world, this.resource);
  }

  /**
   * Wakes by reference and clears the slot: tokio's `with_task(Waker::wake_by_ref)` (a oneshot's
   * `complete`/`close`), where the waker stays stored until the channel is dropped. Nothing polls it in
   * between, so the simulator releases it here.
   */
  wakeByRef(world: TaskHost): void {
    const w = this.waker;
    if (!w) return;
    this.waker = null;
    w.wakeByRef(world, this.resource);
    w.drop(world);
  }

  /** Forgets the stored waker without waking it. */
  clear(world: TaskHost): void {
    const w = this.waker;
    if (!w) return;
    this.waker = null;
    world.machine.emit('deregister', { task: w.task.id, resource: this.resource, dir: this.dir });
    w.drop(world);
  }
}

/**
 * Wakes wakers collected by one operation (a semaphore release, `notify_waiters`, a driver turn) in the
 * order each tokio version uses: `WakeList::wake_all` was LIFO within each batch of 32 until 1.38 (#6521;
 * spec §10.1, §11 row 13).
 */
export function wakeBatch(world: TaskHost, wakers: { waker: Waker; resource: number }[]): void {
  if (world.profile === 'latest') {
    for (const { waker, resource } of wakers) waker.wake(world, resource);
    return;
  }
  for (let i = 0; i < wakers.length; i += 32) {
    const batch = wakers.slice(i, i + 32).reverse();
    for (const { waker, resource } of batch) waker.wake(world, resource);
  }
}
