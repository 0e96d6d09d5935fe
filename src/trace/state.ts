/**
 * The view state: everything the panels show at one step of a run (DESIGN.md §4–§5). Produced by the trace
 * index (fast, used by the UI) and by the reference fold (simple, used by tests to check the index).
 */
import type { LintKind, QueueKind, ResourceKind, ThreadKind, TraceEvent, WakerDir } from './events';

export type ThreadStatus = 'running' | 'idle' | 'parked' | 'blocked' | 'exited' | 'searching';

export interface ThreadView {
  id: number;
  role: ThreadKind;
  name: string;
  status: ThreadStatus;
  /** The task being polled (or blocked inside a poll), if any. */
  task: number | null;
  blockedOn: string | null;
}

export type TaskState = 'idle' | 'scheduled' | 'running' | 'complete' | 'cancelled' | 'panicked';
export const TASK_STATES: readonly TaskState[] = [
  'idle',
  'scheduled',
  'running',
  'complete',
  'cancelled',
  'panicked',
];

export interface TaskView {
  id: number;
  /** The worker it was just stolen from (waiting in the thief's queue or in its first poll there), else -1. */
  stolenFrom: number;
  /** Root future (-1 for spawn_blocking tasks). */
  future: number;
  parent: number;
  site: number;
  mode: 'async' | 'blocking' | 'block_on';
  state: TaskState;
  /** Which queue holds it (when scheduled). */
  queue: QueueKind | null;
  detached: boolean;
  aborted: boolean;
  polls: number;
  wakes: number;
  selfWakes: number;
  /** Live waker clones (clones minus drops and wakes by value), as tokio-console counts them. */
  wakers: number;
  /** Machine time spent in polls, waiting in a queue, and waiting for a wake (ns). */
  busyNs: number;
  scheduledNs: number;
  idleNs: number;
  lints: LintKind[];
}

export interface FutureView {
  id: number;
  name: string;
  task: number;
  site: number;
  variant: string;
  locals: string;
  /** Source line where it is suspended (-1 unknown). */
  line: number;
  dropped: boolean;
}

export interface ResourceView {
  id: number;
  type: ResourceKind;
  name: string;
  site: number;
  /** The task a JoinHandle belongs to (-1 for other resources). */
  owner: number;
  /** Tasks whose wakers this resource holds. */
  wakers: number[];
  /**
   * The same wakers with the slot each fills: an I/O source's reader (`read`) or writer (`write`) slot, or
   * `-` for resources with one kind of waiter. In the order they were stored.
   */
  slots: { task: number; dir: WakerDir }[];
  text: string;
  /** Channel buffers: the values queued, oldest first (at most 32), and how many there are. */
  buffer: string[];
  bufferLength: number;
  /** Timers: armed deadline (tokio ns since start) or -1. */
  deadline: number;
  fired: boolean;
}

export interface QueueView {
  kind: QueueKind;
  /** The scheduler core owning it (-1: shared, like the inject queue). */
  core: number;
  /** The first tasks, oldest first (the UI shows a bounded number). */
  tasks: number[];
  total: number;
}

export interface ViewState {
  /** The step (event index) this state is after; -1 before any event. */
  step: number;
  /** Machine time of that event (ns). */
  time: number;
  /** Tokio time if it was advanced explicitly (paused clock), else -1. */
  tokioTime: number;
  threads: ThreadView[];
  queues: QueueView[];
  /** Tasks spawned so far (including task 0, main). */
  taskCount: number;
  /** One task (null if not spawned yet). */
  task(id: number): TaskView | null;
  /** Up to `limit` tasks: unfinished ones first (by id), then finished ones (by id). */
  tasks(limit: number): TaskView[];
  /** Resources alive at this step, and up to `limit` of them (by id). */
  resourceCount: number;
  resources(limit: number): ResourceView[];
  resource(id: number): ResourceView | null;
  future(id: number): FutureView | null;
  /** The task's future tree at this step: its root future, then what each awaits. */
  futureChain(task: number): FutureView[];
  /** Futures the task made and holds without awaiting them (yet), newest first, at most `limit`. */
  heldFutures(task: number, limit: number): FutureView[];
  /** Characters of stdout / stderr printed so far. */
  stdoutLength: number;
  stderrLength: number;
  lastEvent: TraceEvent | null;
  outcome: { result: string; message: string } | null;
}

/** Queue lengths shown at most (the rest is summarised as "and N more"). */
export const QUEUE_VIEW_LIMIT = 64;
