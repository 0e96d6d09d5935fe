/**
 * A tokio task: its state bits and the transitions of `runtime/task/state.rs` and `harness.rs`
 * (spec §1). The scheduler decides *where* a task goes; this module decides *whether* it goes.
 *
 * Task 0 stands for the `block_on` future of `#[tokio::main]`: not a task in tokio (it has no id and no
 * state word), but polled and woken like one, so the UI can show it with the others.
 */
import type { PollCx, SimFuture } from './future';
import type { Waker } from './waker';
import type { World } from './world';
import { RObject, type Value } from './values';
import type { SelfFormatting } from './format';

export type TaskKind = 'main' | 'async' | 'blocking';

/** `JoinError`: the task was cancelled (abort, runtime shutdown) or panicked. */
export class JoinError extends RObject implements SelfFormatting {
  constructor(
    readonly taskId: number,
    readonly repr: 'cancelled' | 'panic',
    readonly message: string = '',
  ) {
    super();
  }
  typeName(): string {
    return 'JoinError';
  }
  fmtDisplay(): string {
    return this.repr === 'cancelled' ? `task ${this.taskId} was cancelled` : `task ${this.taskId} panicked`;
  }
  fmtDebug(): string {
    return this.repr === 'cancelled'
      ? `JoinError::Cancelled(Id(${this.taskId}))`
      : `JoinError::Panic(Id(${this.taskId}), ...)`;
  }
}

export type TaskOutput = { readonly ok: Value } | { readonly err: JoinError };

export class Task {
  // The state word, one field per bit (spec §1.1).
  running = false;
  complete = false;
  notified = false;
  cancelled = false;
  joinInterest = true;
  joinWaker = false;
  /** The ref-count: OwnedTasks + queued Notified + JoinHandle + waker clones. */
  refs = 3;

  /** The waker stored by the JoinHandle (JOIN_WAKER). */
  storedJoinWaker: Waker | null = null;
  /** The JoinHandle's resource id in the trace (where its waker is registered), -1 if none. */
  joinResource = -1;
  output: TaskOutput | null = null;
  /** The output was taken by the JoinHandle. */
  outputTaken = false;
  /** For blocking tasks: the closure has started running (abort can no longer stop it). */
  started = false;
  /** The `Context` its polls use (harness.contextFor). */
  cx: PollCx | null = null;

  // tokio-console style counters (spec §3 diagnostics), maintained by the harness.
  polls = 0;
  wakes = 0;
  selfWakes = 0;
  wakerClones = 0;
  wakerDrops = 0;

  constructor(
    readonly id: number,
    readonly kind: TaskKind,
    public future: SimFuture | null,
    readonly site: number,
  ) {
    // INITIAL_STATE = REF_ONE*3 | JOIN_INTEREST | NOTIFIED
    this.notified = true;
  }

  get idle(): boolean {
    return !this.running && !this.complete;
  }
}

export type WakeOp = 'wake' | 'wake_by_ref' | 'defer';

/**
 * `transition_to_notified_by_val` / `_by_ref` (state.rs L215-278): whether a wake schedules the task.
 * Emits the `wake` event and, when the task must run, hands it to the scheduler.
 */
export function wakeTask(world: World, task: Task, op: WakeOp, resource: number): void {
  const m = world.machine;
  const by = m.current.currentTask;
  task.wakes++;
  if (by === task) task.selfWakes++;
  if (task.kind === 'main') {
    m.emit('wake', { task: task.id, by: by ? by.id : -1, resource, op, effect: 'main' });
    world.scheduler.wakeMain();
    return;
  }
  if (task.complete) {
    m.emit('wake', { task: task.id, by: by ? by.id : -1, resource, op, effect: 'after-complete' });
    return;
  }
  if (task.notified) {
    m.emit('wake', { task: task.id, by: by ? by.id : -1, resource, op, effect: 'already-notified' });
    return;
  }
  task.notified = true;
  if (task.running) {
    m.emit('wake', { task: task.id, by: by ? by.id : -1, resource, op, effect: 'while-running' });
    return;
  }
  task.refs++;
  m.emit('wake', { task: task.id, by: by ? by.id : -1, resource, op, effect: 'scheduled' });
  world.scheduler.schedule(task);
}

/** `transition_to_notified_and_cancel` (state.rs L303-333): `JoinHandle::abort`. */
export function abortTask(world: World, task: Task): void {
  if (task.complete || task.cancelled) return;
  world.machine.emit('abort', { task: task.id });
  if (task.kind === 'blocking') {
    // A blocking task that has started cannot be interrupted; one still queued is cancelled when picked.
    task.cancelled = true;
    return;
  }
  task.cancelled = true;
  if (task.running) {
    task.notified = true;
    return;
  }
  if (!task.notified) {
    task.notified = true;
    task.refs++;
    world.scheduler.schedule(task);
  }
}
