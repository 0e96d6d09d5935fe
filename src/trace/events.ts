/**
 * The trace: one discriminated union, `TraceEvent`, derived from a declarative schema.
 *
 * Every event has `seq` (its index in the trace), `time` (machine time, ns) and `thread` (the simulated OS
 * thread it happened on). The schema below gives each kind its own fields; `store.ts` packs them into
 * struct-of-arrays columns (DESIGN.md §4) and `format.ts` prints them one per line.
 *
 * Field types:
 * - `'int'`  a 32-bit integer (ids, counts, source offsets). `-1` means "none".
 * - `'str'`  a string, interned in the trace's string table (names that repeat).
 * - `'text'` a string stored without interning (texts that rarely repeat: locals, printed lines).
 * - `'f64'`  a float64 (times and deadlines in ns); it takes two integer slots.
 * - a tuple of string literals: an enum, stored as its index in one byte.
 *
 * No field may be called `kind` (that is the discriminant). Names follow the runtime's vocabulary. Ids: tasks count from 1 like tokio's `task::Id`; task 0 is the
 * `block_on` future of `#[tokio::main]` (not a task in tokio, but it is polled like one). Futures, resources
 * and threads have their own id spaces; thread 0 is the process's main thread.
 */
import type { MachineTime } from '../base';

/**
 * Run queues. `unrecorded` is only ever a poll's `from` in a trace recorded from a real run
 * (`record/`): tokio's instrumentation does not say which queue a task came from. `localset` is a
 * `LocalSet`'s own queue; its `core` is the set's resource id.
 */
export const WHERE = [
  'local',
  'inject',
  'lifo',
  'defer',
  'blocking',
  'main',
  'unrecorded',
  'localset',
] as const;
export type QueueKind = (typeof WHERE)[number];

export const THREAD_KINDS = ['main', 'worker', 'blocking', 'std'] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

export const WAKE_EFFECTS = [
  'scheduled',
  'already-notified',
  'while-running',
  'after-complete',
  'main',
] as const;
export type WakeEffect = (typeof WAKE_EFFECTS)[number];

export const RESOURCE_KINDS = [
  'timer',
  'mpsc',
  'oneshot',
  'watch',
  'broadcast',
  'notify',
  'semaphore',
  'mutex',
  'std-mutex',
  'join',
  'joinset',
  'tcp-listener',
  'tcp-stream',
  'user',
  'rwlock',
  'barrier',
  'oncecell',
  'duplex',
  'file',
  'local-set',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Which waker slot of an I/O source a `register` fills ('-' for resources with one kind of waiter). */
export const WAKER_DIRS = ['-', 'read', 'write'] as const;
export type WakerDir = (typeof WAKER_DIRS)[number];

/**
 * How a run ended. `failed` is the simulator's own failure (an exception it did not expect: a bug in
 * Pollscope, never a property of the program); every other kind is what the program did.
 */
export const OUTCOMES = ['completed', 'panicked', 'deadlock', 'limit', 'unsupported', 'failed'] as const;
export type OutcomeKind = (typeof OUTCOMES)[number];

/**
 * Lints. The first four are tokio-console's, computed per task by the trace index; `hash-order` is emitted
 * by the simulator as a `lint` event the first time a program iterates or prints a HashMap/HashSet with two
 * or more entries (its order, random per process in real Rust, is one seeded order here).
 */
export const LINTS = ['self-wakes', 'lost-waker', 'never-yielded', 'large-future', 'hash-order'] as const;
export type LintKind = (typeof LINTS)[number];

export const EVENT_SCHEMA = {
  /**
   * A simulated OS thread starts (the main thread, a worker, a blocking-pool thread, a `std::thread`).
   * `runtime`: the runtime it belongs to (1, 2, … in build order: its workers, its blocking pool, the
   * `#[tokio::main]` thread), 0 for a thread of no runtime (a plain `fn main`, a `std::thread`), -1 unknown
   * (a trace file from before, a recorded real run).
   */
  'thread-start': { role: THREAD_KINDS, name: 'str', runtime: 'int' },
  /**
   * The program built a runtime by hand (`Builder::build`, `Runtime::new`); `#[tokio::main]`'s runtime 1 is
   * the run's configuration and has no event. `core` is the trace id of its first core: each runtime's
   * cores are numbered on from the previous runtime's (its worker `i` is core `core + i`), and its shared
   * queues (inject, blocking pool) have core `-runtime`, so queues of two runtimes never share a card.
   */
  'runtime-new': { runtime: 'int', workers: 'int', core: 'int', flavor: ['current_thread', 'multi_thread'] },
  'thread-exit': {},
  /**
   * `tokio::spawn` (mode async) or `spawn_blocking` (mode blocking). `site` is a source offset. The first
   * `block_on` future is task 0 (mode async); a later `block_on` (a runtime built by hand, a second
   * `block_on`) gets the next id and mode `block_on`: polled from `main` like task 0, not a task in tokio.
   */
  spawn: {
    task: 'int',
    future: 'int',
    parent: 'int',
    site: 'int',
    mode: ['async', 'blocking', 'block_on'],
  },
  /** A task is queued. `core` is the scheduler core owning the queue (0 on current_thread). */
  schedule: { task: 'int', core: 'int', where: WHERE },
  /** A thread takes `task` from a queue (`from`) and polls it: the start of a task poll. */
  poll: { task: 'int', future: 'int', from: WHERE },
  /** A future polls one of its children (the desugared `.await` re-polling its awaitee). */
  /** `site`: the `.await` expression's source offset (-1 when a combinator polls its children). */
  'poll-child': { task: 'int', future: 'int', parent: 'int', site: 'int' },
  /** A future's poll returned `Poll::Pending`. For the task's root future this ends the task poll. */
  pending: { task: 'int', future: 'int' },
  /** A future's poll returned `Poll::Ready`. */
  ready: { task: 'int', future: 'int' },
  /** A future value is created (calling an `async fn`, `sleep(..)`, `rx.recv()`, a user `impl Future`). */
  'future-new': { future: 'int', task: 'int', name: 'str', site: 'int' },
  /** A future's state changed: its state-machine variant (`Unresumed`, `Suspend0`, …) and live locals. */
  'future-state': { future: 'int', variant: 'str', locals: 'text', line: 'int' },
  'future-drop': { future: 'int' },
  /** A future's estimated size in bytes passed a new maximum of at least 1 KiB (tokio-console's large-future). */
  'future-size': { future: 'int', bytes: 'int' },
  'waker-clone': { task: 'int', refs: 'int' },
  'waker-drop': { task: 'int', refs: 'int' },
  /** A waker stores its task in a resource (a timer, a channel, a join handle, the defer list, user state). */
  register: { task: 'int', resource: 'int', dir: WAKER_DIRS },
  /** A resource forgets a stored waker without waking it (the future was dropped, the waker replaced). */
  deregister: { task: 'int', resource: 'int', dir: WAKER_DIRS },
  /** Somebody wakes `task`. `by` is the task running on this thread (-1: none), `resource` the waker's holder. */
  wake: {
    task: 'int',
    by: 'int',
    resource: 'int',
    op: ['wake', 'wake_by_ref', 'defer'],
    effect: WAKE_EFFECTS,
  },
  /** A searching worker (`core`) takes `count` tasks from the head of `victim`'s local queue (multi_thread). */
  steal: { core: 'int', victim: 'int', count: 'int' },
  /** A multi_thread worker starts (1) or stops (0) searching for work to steal (at most half of them do). */
  search: { core: 'int', searching: 'int' },
  /** `yield_now` (or, in latest tokio, coop exhaustion) puts the task's waker on the defer list. */
  defer: { task: 'int', core: 'int' },
  /** The coop budget ran out: the resource returned Pending although it was ready. */
  'budget-exhausted': { task: 'int', resource: 'int' },
  /** `owner`: the task a JoinHandle belongs to (-1 for other resources). */
  'resource-new': { resource: 'int', name: 'str', site: 'int', owner: 'int', type: RESOURCE_KINDS },
  /** A resource's visible state, in words ("3 permits", "closed", "value = 4"). */
  'resource-state': { resource: 'int', text: 'str' },
  'resource-drop': { resource: 'int' },
  /** A value enters a channel buffer / leaves it (from the front). */
  'chan-push': { resource: 'int', value: 'text' },
  'chan-pop': { resource: 'int' },
  /** An mpsc channel's counters (kept numeric: this changes on every send, clone and drop). */
  'chan-state': { resource: 'int', queued: 'int', senders: 'int', waiting: 'int' },
  /** A timer entry is armed in the wheel at `deadline` (tokio time, ns, rounded up to the 1 ms tick). */
  'timer-arm': { resource: 'int', task: 'int', deadline: 'f64' },
  'timer-cancel': { resource: 'int' },
  'timer-fire': { resource: 'int', task: 'int' },
  /**
   * The I/O driver's turn (`io::Driver::turn`): epoll returned `events` readiness events (emitted only once
   * the program has I/O sources, so timer-only traces are unchanged).
   */
  'io-turn': { events: 'int' },
  /**
   * One readiness event delivered to an I/O source: its readiness is now `ready` (e.g. "readable |
   * read-closed") with the driver's `tick`; the reader / writer wakers it satisfies are woken next.
   */
  'io-ready': { resource: 'int', ready: 'str', tick: 'int' },
  /** A task saw WouldBlock: the readiness `cleared` from its source (only if the tick still matched). */
  'io-clear': { resource: 'int', ready: 'str', tick: 'int' },
  /** Tokio time moved (machine time passing, or auto-advance of a paused clock) to `now` (ns). */
  'time-advance': { now: 'f64', auto: 'int' },
  /** The thread parks in the driver (`timeout` ns, -1 = until unparked) or on its condvar. */
  park: { timeout: 'f64', core: 'int' },
  /** A parked thread resumes. `by` is the thread that unparked it, -1 if its timeout expired. */
  unpark: { by: 'int' },
  /**
   * The thread blocks outside the runtime: `std::thread::sleep`, a std mutex, a join, a blocking call. `site`:
   * the call's source offset.
   */
  block: { until: 'f64', what: 'str', site: 'int' },
  unblock: {},
  abort: { task: 'int' },
  /** A cancelled task's future is dropped instead of polled. */
  cancel: { task: 'int' },
  /** A `JoinHandle` was dropped: the task keeps running, detached. */
  detach: { task: 'int' },
  complete: { task: 'int', outcome: ['ok', 'cancelled', 'panicked'] },
  panic: { task: 'int', message: 'text', site: 'int' },
  /** `site`: the `println!`-family macro's source offset (-1: printed by the runtime, e.g. a panic report). */
  print: { text: 'text', stream: ['stdout', 'stderr'], site: 'int' },
  lint: { task: 'int', detail: 'str', lint: LINTS },
  outcome: { message: 'text', site: 'int', result: OUTCOMES },
} as const;

type Schema = typeof EVENT_SCHEMA;
export type EventKind = keyof Schema;
export const EVENT_KINDS = Object.keys(EVENT_SCHEMA) as EventKind[];

type FieldValue<T> = T extends 'int' | 'f64'
  ? number
  : T extends 'str' | 'text'
    ? string
    : T extends readonly string[]
      ? T[number]
      : never;

export type EventFields<K extends EventKind> = { -readonly [F in keyof Schema[K]]: FieldValue<Schema[K][F]> };

interface EventHeader {
  readonly seq: number;
  readonly time: MachineTime;
  readonly thread: number;
}

/** One event of the trace. `switch (ev.kind)` narrows to that kind's fields. */
export type TraceEvent = {
  [K in EventKind]: EventHeader & { readonly kind: K } & Readonly<EventFields<K>>;
}[EventKind];
export type EventOf<K extends EventKind> = Extract<TraceEvent, { kind: K }>;
