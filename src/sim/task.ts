/**
 * A tokio task and its waker: the state bits and transitions of `runtime/task/state.rs` and `harness.rs`
 * (spec §1), the static waker vtable of `runtime/task/waker.rs` (spec §1.5), and the `Schedule` trait a
 * scheduler implements (`runtime/task/mod.rs`). The scheduler decides *where* a task goes; this module
 * decides *whether* it goes.
 *
 * Task 0 stands for the `block_on` future of `#[tokio::main]`: not a task in tokio (it has no id and no
 * state word), but polled and woken like one, so the UI can show it with the others.
 *
 * The waker handed to `poll` is borrowed (`WakerRef`, not counted). `clone()` makes an owned waker that
 * holds one task reference; `wake()` consumes it, `wake_by_ref()` does not, dropping it releases the
 * reference. `will_wake` is true when both point at the same task.
 *
 * These types refer to each other (a task holds its waker, a waker its task), so they live together, at
 * the bottom of the runtime: nothing here knows the interpreter, the drivers or the builtins.
 */
import { taskAddress, wakerDebug } from './waker-debug';
import type { QueueKind } from '../trace/events';
import type { Profile } from './config';
import type { SelfFormatting } from './format';
import type { Machine, SimThread } from './machine';
import type { RustPanic } from './panic';
import type { PollOutcome } from './poll';
import { RObject, type Value } from './values';

export type TaskKind = 'main' | 'async' | 'blocking';

/** A tokio scheduler, as tasks and wakers see it (tokio's `Schedule` trait); current-thread.ts and mt/ implement it. */
export interface Scheduler {
  readonly flavor: 'current_thread' | 'multi_thread';
  /** `Schedule::schedule`: a woken or newly spawned task. */
  schedule(task: Task): void;
  /** `Schedule::yield_now`: re-queue a task that was woken while it was running. */
  yieldNow(task: Task): void;
  /** The `block_on` waker: `main`, the future a `block_on` drives (task 0), needs polling. */
  wakeMain(main: Task): void;
  /** `context::defer`: the waker is woken after the next driver turn. */
  defer(task: Task): void;
  /** The queue a task is in (for the UI), or null. */
  whereIs(task: Task): QueueKind | null;
  /** Is `thread` inside this runtime's context (so wakes from it are local)? */
  isLocal(thread: SimThread): boolean;
}

/** What waking a task needs: the trace, the scheduler and the profile. The run's `World` is one. */
export interface TaskHost {
  readonly machine: Machine;
  readonly scheduler: Scheduler;
  readonly profile: Profile;
}

/** `std::task::Context`: the task being polled and its (borrowed, not ref-counted) waker. */
export interface PollCx {
  readonly task: Task;
  readonly waker: Waker;
}

/**
 * What a task holds and polls: its future (future.ts `SimFuture`; tokio's task `Core` stores a `T: Future`).
 * `child` is the future it is awaiting, for deadlock reports.
 */
export interface TaskFuture {
  readonly id: number;
  readonly name: string;
  readonly child: TaskFuture | null;
  poll(cx: PollCx): PollOutcome;
  drop(): void;
}

/** `JoinError`: the task was cancelled (abort, runtime shutdown) or panicked. */
export class JoinError extends RObject implements SelfFormatting {
  constructor(
    readonly taskId: number,
    readonly repr: 'cancelled' | 'panic',
    readonly message: string = '',
    /** The panic's payload is a `&'static str` (RustPanic.strPayload), else a `String`. */
    readonly strPayload = false,
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
  /** The scheduler of the runtime it belongs to (wakes from any thread go there); null: the world's. */
  sched: Scheduler | null = null;
  /** A `block_on` future (kind `main`): told when its poll returns Ready or panics (sim/rt/block-on.ts). */
  onMainDone: ((r: { ok: Value } | { panic: RustPanic }) => void) | null = null;
  /** The `Context` its polls use (harness.contextFor). */
  cx: PollCx | null = null;
  /**
   * Machine time it was last queued. Threads keep their own clocks and a step runs to its end, so a thread
   * behind in time could otherwise take (steal, pop from the inject queue) a task before it was queued.
   */
  queuedAt = 0;

  // tokio-console style counters (spec §3 diagnostics), maintained by the harness.
  polls = 0;
  wakes = 0;
  selfWakes = 0;
  wakerClones = 0;
  wakerDrops = 0;

  constructor(
    /** The task's id in the trace. */
    readonly id: number,
    readonly kind: TaskKind,
    public future: TaskFuture | null,
    readonly site: number,
    /**
     * Its `task::Id` as the program sees it (`JoinError`, `JoinHandle::id`): the trace id, except after a
     * second `block_on`, whose future has a trace id but is no task in tokio (World.mainTaskIds).
     */
    readonly tokioId: number = id,
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
export function wakeTask(world: TaskHost, task: Task, op: WakeOp, resource: number): void {
  const m = world.machine;
  const by = m.current.currentTask;
  task.wakes++;
  if (by === task) task.selfWakes++;
  if (task.kind === 'main') {
    m.emit('wake', { task: task.id, by: by ? by.id : -1, resource, op, effect: 'main' });
    (task.sched ?? world.scheduler).wakeMain(task);
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
  (task.sched ?? world.scheduler).schedule(task);
}

/** `transition_to_notified_and_cancel` (state.rs L303-333): `JoinHandle::abort`. */
export function abortTask(world: TaskHost, task: Task): void {
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
    (task.sched ?? world.scheduler).schedule(task);
  }
}

export class Waker extends RObject implements SelfFormatting {
  /** Consumed by `wake()` or dropped. */
  private gone = false;

  constructor(
    private readonly owner: Task,
    /** Owns a task reference (a clone), as opposed to the borrowed waker inside `Context`. */
    readonly counted: boolean,
  ) {
    super();
  }

  /** The task it wakes. A program's own waker (builtins/exec/user-waker.ts) names the future it drives. */
  get task(): Task {
    return this.owner;
  }

  typeName(): string {
    return 'Waker';
  }
  fmtDebug(pretty = false): string {
    return wakerDebug(taskAddress(this.task.id), 'tokio', pretty);
  }

  clone(world: TaskHost): Waker {
    this.task.refs++;
    this.task.wakerClones++;
    world.machine.emit('waker-clone', { task: this.task.id, refs: this.task.refs });
    return new Waker(this.task, true);
  }

  willWake(other: Waker): boolean {
    return other.task === this.task && other.route === this.route;
  }

  /**
   * What a wake reaches besides the task: null for a task's own waker; a combinator's per-child waker
   * (`FuturesUnordered`) names its child, so two such wakers of one task do not `will_wake` each other.
   */
  get route(): object | null {
    return null;
  }

  /** `Waker::wake` (by value): wakes, then the consumed waker's reference is released. */
  wake(world: TaskHost, resource: number, op: WakeOp = 'wake'): void {
    if (this.gone) return;
    wakeTask(world, this.task, op, resource);
    if (this.counted) {
      this.gone = true;
      this.task.refs--;
    }
  }

  wakeByRef(world: TaskHost, resource: number): void {
    if (this.gone) return;
    wakeTask(world, this.task, 'wake_by_ref', resource);
  }

  /** Drops an owned waker. Idempotent; borrowed wakers own nothing. */
  drop(world: TaskHost): void {
    if (this.gone || !this.counted) return;
    this.gone = true;
    this.task.refs--;
    this.task.wakerDrops++;
    world.machine.emit('waker-drop', { task: this.task.id, refs: this.task.refs });
  }
}

/** Notes that `task` is queued now (the current thread's clock): see `Task.queuedAt`. */
export function markQueued(task: Task, thread: SimThread): void {
  task.queuedAt = thread.clock;
}

/**
 * `thread` takes `task` from a queue another thread may have filled: it cannot do so before the task was
 * queued, so its clock catches up (it was spinning or searching until then).
 */
export function takeQueued(task: Task, thread: SimThread): void {
  if (thread.clock < task.queuedAt) thread.clock = task.queuedAt;
}
