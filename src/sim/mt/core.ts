/**
 * A multi_thread worker's `Core` (spec §4.1): tick, LIFO slot, the 256-entry local run queue, the searching
 * flag, its RNG and its parker. A core is not a thread: `block_in_place` hands it to another thread.
 *
 * The run-queue operations are tokio's `queue.rs` (spec §4.6): `push_back_or_overflow` (which half moves
 * to the inject queue depends on the profile) and `steal_into` (ceil(half) of the victim's queue, oldest
 * first; the LIFO slot is never stolen). Every move is a `schedule` event, so the trace's queues follow.
 */
import { Deque, type FastRand } from '../../base';
import type { Profile } from '../config';
import type { Machine, SimThread } from '../machine';
import { markQueued, takeQueued, type Task, type Waker } from '../task';

export const LOCAL_QUEUE_CAPACITY = 256;
/** `MAX_LIFO_POLLS_PER_TICK` (latest only, #5712). */
export const MAX_LIFO_POLLS_PER_TICK = 3;
/** Latest tunes `global_queue_interval` towards this much polling between inject checks (stats.rs). */
const TARGET_GLOBAL_QUEUE_INTERVAL_NS = 200_000;
const TASK_POLL_TIME_EWMA_ALPHA = 0.1;
const MAX_TASKS_PER_TICK = 127;

/** `park.rs`'s parker states. */
export type ParkState = 'empty' | 'notified' | 'parked-condvar' | 'parked-driver';

export class Core {
  /** The core's id in the trace: `index` plus the cores of the runtimes built before (trace/events.ts). */
  readonly traceId: number;
  /** The trace id of its runtime's shared queues (inject, block_on parks): `-runtime`. */
  readonly sharedId: number;
  tick = 0;
  lifo: Task | null = null;
  readonly runQueue = new Deque<Task>(LOCAL_QUEUE_CAPACITY);
  isSearching = false;
  /** latest: false after the 3rd LIFO poll of a chain, until the slot is found empty. */
  lifoEnabled = true;
  /** The thread running this core, null while `block_in_place` hands it over. */
  holder: SimThread | null = null;
  /** The thread `block_in_place` started to take the core over. */
  handoff: SimThread | null = null;
  /** The parker (`core.park`): None while the worker is inside its park (wakes then go to the LIFO slot quietly). */
  parkState: ParkState = 'empty';
  inPark = false;
  /** The thread that last unparked this worker (-1: none, a timeout or a driver event). */
  unparkedBy = -1;
  /** latest keeps the defer list in the worker's context (1.24: the thread-local `thread.deferred`). */
  readonly deferLatest: Waker[] = [];
  globalQueueInterval = 61;
  // latest's poll-time statistics (stats.rs), fed by machine time.
  private ewmaNs = TARGET_GLOBAL_QUEUE_INTERVAL_NS / 61;
  private batchStart = 0;
  polledInBatch = 0;

  constructor(
    readonly index: number,
    readonly rand: FastRand,
    coreBase = 0,
    runtimeId = 1,
  ) {
    this.traceId = coreBase + index;
    this.sharedId = -runtimeId;
  }

  get hasLocalWork(): boolean {
    return this.lifo !== null || this.runQueue.length > 0;
  }

  startBatch(now: number): void {
    this.batchStart = now;
    this.polledInBatch = 0;
  }

  /** `end_processing_scheduled_tasks`: fold the batch's mean poll time into the EWMA. */
  endBatch(now: number): void {
    const n = this.polledInBatch;
    if (n > 0) {
      const mean = (now - this.batchStart) / n;
      const alpha = 1 - Math.pow(1 - TASK_POLL_TIME_EWMA_ALPHA, n);
      this.ewmaNs = alpha * mean + (1 - alpha) * this.ewmaNs;
    }
    this.polledInBatch = 0;
  }

  /** `tune_global_queue_interval`: adopt the tuned value only when it moved by more than 2. */
  tuneGlobalQueueInterval(): void {
    const next = Math.min(
      MAX_TASKS_PER_TICK,
      Math.max(2, Math.floor(TARGET_GLOBAL_QUEUE_INTERVAL_NS / Math.max(1, this.ewmaNs))),
    );
    if (Math.abs(next - this.globalQueueInterval) > 2) this.globalQueueInterval = next;
  }
}

/**
 * `Local::push_back_or_overflow`: at the tail if there is room, else half the queue plus `task` go to the
 * inject queue — the oldest half in 1.24, the newest half in latest (#8029).
 */
export function pushBackOrOverflow(
  m: Machine,
  profile: Profile,
  core: Core,
  task: Task,
  inject: Deque<Task>,
): void {
  if (core.runQueue.length < LOCAL_QUEUE_CAPACITY) {
    core.runQueue.pushBack(task);
    markQueued(task, m.current);
    m.emit('schedule', { task: task.id, core: core.traceId, where: 'local' });
    return;
  }
  const half = LOCAL_QUEUE_CAPACITY / 2;
  const moved: Task[] = [];
  if (profile === '1.24') {
    for (let i = 0; i < half; i++) moved.push(core.runQueue.popFront()!);
  } else {
    for (let i = 0; i < half; i++) moved.unshift(core.runQueue.popBack()!);
  }
  moved.push(task);
  for (const t of moved) {
    inject.pushBack(t);
    markQueued(t, m.current);
    m.emit('schedule', { task: t.id, core: core.sharedId, where: 'inject' });
  }
}

/**
 * `Steal::steal_into` (victim → `dst`): nothing if `dst` is more than half full; otherwise ceil(half) of
 * the victim's queued tasks, oldest first. The newest of the batch is returned to run now, the others are
 * appended to `dst`'s queue.
 */
export function stealInto(m: Machine, victim: Core, dst: Core): Task | null {
  if (dst.runQueue.length > LOCAL_QUEUE_CAPACITY / 2) return null;
  const len = victim.runQueue.length;
  const n = len - (len >> 1);
  if (n === 0) return null;
  for (let i = 0; i < n; i++) takeQueued(victim.runQueue.at(i)!, m.current);
  m.emit('steal', { core: dst.traceId, victim: victim.traceId, count: n });
  for (let i = 0; i < n - 1; i++) {
    const t = victim.runQueue.popFront()!;
    dst.runQueue.pushBack(t);
    m.emit('schedule', { task: t.id, core: dst.traceId, where: 'local' });
  }
  return victim.runQueue.popFront()!;
}
