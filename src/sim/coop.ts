/**
 * Cooperative scheduling budget (spec §2). Each task poll starts with 128 units; resources that can make
 * progress spend one unit per successful operation (`poll_proceed` + `made_progress`); a resource that
 * returns Pending gives its unit back. At zero, the resource returns Pending even if it is ready and
 * arranges a wake: 1.24 calls `wake_by_ref` (the task is re-queued at once), latest defers the waker until
 * the next driver turn (#7185).
 */
import type { World } from './world';
import type { PollCx } from './task';

/** `coop::poll_proceed`: true to go ahead (one unit spent), false if the budget is exhausted. */
export function pollProceed(world: World, cx: PollCx, resource: number): boolean {
  const t = world.machine.current;
  if (t.budget === null) return true;
  if (t.budget > 0) {
    t.budget--;
    return true;
  }
  exhausted(world, cx, resource);
  return false;
}

/** The resource returned Pending: `RestoreOnPending` gives the unit back. */
export function restoreBudget(world: World): void {
  const t = world.machine.current;
  if (t.budget !== null) t.budget++;
}

/** latest tokio's `select!` check (#7164): Pending up front when the budget is zero. */
export function budgetExhausted(world: World, cx: PollCx, resource: number): boolean {
  const t = world.machine.current;
  if (t.budget === null || t.budget > 0) return false;
  exhausted(world, cx, resource);
  return true;
}

function exhausted(world: World, cx: PollCx, resource: number): void {
  world.machine.emit('budget-exhausted', { task: cx.task.id, resource });
  if (world.profile === '1.24') cx.waker.wakeByRef(world, resource);
  else world.scheduler.defer(cx.task);
}
