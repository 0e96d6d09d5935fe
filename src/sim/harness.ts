/**
 * The task harness (`runtime/task/harness.rs`, spec §1.3): polling a task, completing it, cancelling it,
 * and the JoinHandle's side of the state word. Both schedulers run tasks through here.
 */
import type { QueueKind } from '../trace/events';
import { POLL_COST_NS } from './costs';
import { JoinError, type Task, type TaskOutput, Waker, type PollCx } from './task';
import type { World } from './world';
import type { Value } from './values';
import { BLOCKED, PENDING, type PollOutcome } from './poll';
import { RustPanic } from './panic';

/** tokio's coop budget per task poll (`Budget::initial()`). */
export const BUDGET = 128;

/** The `Context` for polling `task`: its borrowed (uncounted) waker. Made once per task. */
export function contextFor(task: Task): PollCx {
  return (task.cx ??= { task, waker: new Waker(task, false) });
}

export type RunResult = 'done' | 'blocked';

/**
 * `Harness::poll`: `transition_to_running`, poll under a fresh coop budget, then `transition_to_idle` or
 * `complete`. Returns 'blocked' when the poll is suspended because its thread blocked; call `resumePoll`.
 */
export function runTask(world: World, task: Task, from: QueueKind, budget: number = BUDGET): RunResult {
  const m = world.machine;
  const t = m.current;
  m.emit('poll', { task: task.id, future: task.future ? task.future.id : -1, from });
  m.spend(POLL_COST_NS);
  if (task.kind !== 'main') {
    // transition_to_running: a task that is already running or complete only drops its Notified.
    if (!task.idle) {
      task.refs--;
      return 'done';
    }
    task.running = true;
    task.notified = false;
    if (task.cancelled) {
      cancelTask(world, task);
      return 'done';
    }
  }
  task.polls++;
  t.currentTask = task;
  // A fresh budget per `run_task`; multi_thread's LIFO chain passes on what the previous poll left.
  t.budget = budget;
  return pollBody(world, task);
}

/** Continues a poll that blocked its thread. */
export function resumePoll(world: World, task: Task): RunResult {
  const t = world.machine.current;
  t.currentTask = task;
  return pollBody(world, task);
}

function pollBody(world: World, task: Task): RunResult {
  const t = world.machine.current;
  let r: PollOutcome;
  try {
    r = task.future!.poll(contextFor(task));
  } catch (e) {
    if (!(e instanceof RustPanic)) throw e;
    t.currentTask = null;
    t.budgetLeft = t.budget ?? 0;
    t.budget = null;
    taskPanicked(world, task, e);
    return 'done';
  }
  if (r === BLOCKED) {
    world.machine.block(t, world.interp.takeBlockRequest());
    return 'blocked';
  }
  t.currentTask = null;
  t.budgetLeft = t.budget ?? 0;
  t.budget = null;
  if (task.kind === 'main') {
    if (r !== PENDING) mainDone(world, task, { ok: r });
    return 'done';
  }
  if (r === PENDING) {
    // transition_to_idle
    if (task.cancelled) {
      cancelTask(world, task);
      return 'done';
    }
    task.running = false;
    if (task.notified) {
      task.refs++;
      (task.sched ?? world.scheduler).yieldNow(task);
    } else {
      task.refs--;
    }
    return 'done';
  }
  completeTask(world, task, { ok: r });
  return 'done';
}

/** A panic escaped the task's poll: tokio catches it and stores `JoinError::Panic`. */
function taskPanicked(world: World, task: Task, p: RustPanic): void {
  world.interp.reportPanic(p);
  if (task.kind === 'main') {
    mainDone(world, task, { panic: p });
    return;
  }
  dropFuture(world, task);
  completeTask(world, task, { err: new JoinError(task.tokioId, 'panic', p.message, p.strPayload) });
}

/** A `block_on` future (task 0) returned Ready or panicked: its `block_on` returns. */
function mainDone(world: World, task: Task, r: { ok: Value } | { panic: RustPanic }): void {
  world.machine.emit('complete', { task: task.id, outcome: 'ok' in r ? 'ok' : 'panicked' });
  task.complete = true;
  task.onMainDone?.(r);
}

function dropFuture(world: World, task: Task): RustPanic | null {
  const f = task.future;
  task.future = null;
  if (!f) return null;
  try {
    f.drop();
  } catch (e) {
    if (e instanceof RustPanic) {
      world.interp.reportPanic(e);
      return e;
    }
    throw e;
  }
  return null;
}

/** `cancel_task`: drop the future instead of polling it; the JoinHandle sees `JoinError::Cancelled`. */
export function cancelTask(world: World, task: Task): void {
  world.machine.emit('cancel', { task: task.id });
  const panicked = dropFuture(world, task);
  completeTask(world, task, {
    err: new JoinError(
      task.tokioId,
      panicked ? 'panic' : 'cancelled',
      panicked?.message ?? '',
      panicked?.strPayload ?? false,
    ),
  });
}

/** `Harness::complete` (harness.rs L331-390). */
export function completeTask(world: World, task: Task, output: TaskOutput): void {
  const m = world.machine;
  task.running = false;
  task.complete = true;
  if (task.future) {
    const f = task.future;
    task.future = null;
    f.drop();
  }
  task.output = output;
  m.emit('complete', {
    task: task.id,
    outcome: 'ok' in output ? 'ok' : output.err.repr === 'cancelled' ? 'cancelled' : 'panicked',
  });
  if (!task.joinInterest) {
    // Detached: nobody will read the output, the runtime drops it now.
    if ('ok' in output) world.interp.dropValue(output.ok);
    task.output = null;
  } else if (task.joinWaker && task.storedJoinWaker) {
    // wake_join: wake the JoinHandle's waker by reference, then unset_waker_after_complete drops it.
    const w = task.storedJoinWaker;
    w.wakeByRef(world, task.joinResource);
    task.storedJoinWaker = null;
    task.joinWaker = false;
    w.drop(world);
  }
  task.refs--;
}
