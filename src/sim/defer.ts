/**
 * The defer list behind `yield_now` and (latest) coop exhaustion, spec §3: what deferring a task's waker
 * and draining the list mean in each profile. 1.24 keeps a thread-local list (`SimThread.deferred`) and
 * wakes it FIFO; latest keeps the list in the scheduler's context (a worker's, on multi_thread), skips a
 * waker for the same task as the last one, and wakes it LIFO (#5741). The schedulers decide which list a
 * thread uses and when it is drained; this module is the list itself.
 */
import type { SimThread } from './machine';
import type { Task, Waker } from './task';
import type { World } from './world';

/** Defers a waker for `task`. Returns false when latest's de-duplication dropped it (no `defer` event). */
export function pushDeferred(world: World, thread: SimThread, latest: Waker[], task: Task): boolean {
  const w = world.interp.wakerFor(task).clone(world);
  if (world.profile === '1.24') {
    (thread.deferred as Waker[]).push(w);
    return true;
  }
  const last = latest[latest.length - 1];
  if (last && last.willWake(w)) {
    w.drop(world);
    return false;
  }
  latest.push(w);
  return true;
}

export function hasDeferred(world: World, thread: SimThread, latest: readonly Waker[]): boolean {
  return world.profile === '1.24' ? thread.deferred.length > 0 : latest.length > 0;
}

/** `Defer::wake`. `latest` is null on a thread without a scheduler context (only 1.24 defers there). */
export function wakeDeferred(world: World, thread: SimThread, latest: Waker[] | null): void {
  if (world.profile === '1.24' || !latest) {
    const list = thread.deferred as Waker[];
    thread.deferred = [];
    for (const w of list) w.wake(world, -1, 'defer');
  } else {
    while (latest.length) latest.pop()!.wake(world, -1, 'defer');
  }
}
