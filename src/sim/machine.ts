/**
 * The simulated machine: OS threads with their own machine clocks, and the discrete-event loop that runs
 * them in machine-time order.
 *
 * Each thread has a body that runs one *step* at a time (a poll, a park, a piece of a std thread's closure
 * up to its next blocking call). The loop always steps the thread that can run earliest; threads at the
 * same instant are ordered by the run's seeded RNG (DESIGN.md §3 "Determinism"). A thread that blocks says
 * until when (a sleep) or on what (a wait queue another thread will signal).
 */
import { assert, type FastRand } from '../base';
import type { EventFields, EventKind, ThreadKind } from '../trace/events';
import type { TraceWriter } from '../trace/store';
import type { Limits } from './config';

/** A lock a thread blocks on: its trace resource and which tasks hold it (by the task that locked it). */
export interface BlockedOnLock {
  readonly resource: number;
  holders(): ReadonlyMap<number, number>;
}

/** Why a thread cannot continue: it sleeps until a time, or waits until someone signals a queue. */
export type BlockRequest =
  | { readonly kind: 'sleep'; readonly ns: number; readonly what: string }
  | {
      readonly kind: 'wait';
      readonly queue: WaitQueue;
      readonly what: string;
      readonly timeoutNs?: number;
      /** The lock it waits for (a std Mutex), for the deadlock report's wait-for graph. */
      readonly lock?: BlockedOnLock;
    }
  /**
   * The thread runs `body` until it calls `machine.resumeOuter(thread)` (a `block_on` on a plain thread: the
   * thread drives a scheduler, then carries on where it was).
   */
  | { readonly kind: 'run'; readonly body: ThreadBody; readonly what: string };

/** Threads blocked on something (a std mutex, a thread join, a condvar). */
export class WaitQueue {
  private waiters: SimThread[] = [];

  add(t: SimThread): void {
    if (!this.waiters.includes(t)) this.waiters.push(t);
  }

  remove(t: SimThread): void {
    const i = this.waiters.indexOf(t);
    if (i >= 0) this.waiters.splice(i, 1);
  }

  /** Also called on every `notifyAll` (lets one waiter wait on several queues). */
  onNotify: (() => void) | null = null;

  /** Wakes every waiter; each re-checks its condition when it runs (like a condvar broadcast). */
  notifyAll(machine: Machine): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) machine.makeReady(w);
    this.onNotify?.();
  }

  notifyOne(machine: Machine): void {
    const w = this.waiters.shift();
    if (w) machine.makeReady(w);
  }

  get length(): number {
    return this.waiters.length;
  }
}

/**
 * The task a thread is polling, as the machine sees it: only its identity (the machine sits below tasks;
 * sim/task.ts `Task` is what is stored here).
 */
export interface RunningTask {
  readonly id: number;
}

export interface ThreadBody {
  /** Runs one step of `thread`; `machine.current` is `thread` and its clock is "now". */
  step(thread: SimThread): void;
  /** What the thread is doing, for deadlock reports. */
  describe(): string;
}

export type ThreadStatus = 'runnable' | 'parked' | 'blocked' | 'exited';

export class SimThread {
  clock = 0;
  /** When the thread can next step (machine time); Infinity while waiting to be signalled. */
  readyAt = 0;
  status: ThreadStatus = 'runnable';
  /** Coop budget (tokio `Budget`): null is unconstrained. */
  budget: number | null = null;
  /** What the last task poll on this thread left of its budget (multi_thread's LIFO chain shares it). */
  budgetLeft = 0;
  /** The task whose poll is running on this thread, or null. */
  currentTask: RunningTask | null = null;
  /** Which runtime's scheduler context this thread is in ("CURRENT" in tokio), if any. */
  context: unknown = null;
  /**
   * The runtime whose handle this thread has entered (tokio's `context::CURRENT`: `Handle::current()`,
   * `tokio::spawn`, `sleep` find it here), or null: sim/rt/runtime.ts `SimRuntime`.
   */
  runtime: unknown = null;
  /** Inside a runtime (a worker, a `block_on`): `block_on` here panics (tokio's `EnterRuntime::Entered`). */
  entered = false;
  /** The name a Builder's `thread_name` gave this thread (workers and blocking threads), if any. */
  threadName: string | null = null;
  /** The bodies this thread returns to when a nested one (`block_on`) is done, innermost last. */
  readonly outer: ThreadBody[] = [];
  /** tokio 1.24 keeps the defer list in a thread-local (sim/defer.ts). */
  deferred: unknown[] = [];
  /** Thread-local RNG (tokio's `thread_rng_n` for `select!`). */
  rng: FastRand;
  /** Set while blocked; shown in reports and the trace. */
  blockedOn: string | null = null;
  /** The lock of the current block, if it waits on one (read while `status` is 'blocked'). */
  blockedOnLock: BlockedOnLock | null = null;
  body: ThreadBody | null = null;

  constructor(
    readonly id: number,
    readonly kind: ThreadKind,
    readonly name: string,
    rng: FastRand,
  ) {
    this.rng = rng;
  }

  /**
   * The name Rust gives this thread (`thread::current().name()`, panic messages): tokio names its
   * workers and blocking-pool threads `tokio-runtime-worker`; `std::thread::spawn` threads are unnamed.
   * `name` is Pollscope's own label for the thread's lane, which tells them apart.
   */
  get rustName(): string | null {
    switch (this.kind) {
      case 'main':
        return 'main';
      case 'worker':
      case 'blocking':
        return this.threadName ?? 'tokio-runtime-worker';
      case 'std':
        return null;
    }
  }
}

/** The most OS threads one run may start (a runaway `std::thread::spawn` loop, a huge `worker_threads`). */
export const MAX_THREADS = 4096;

/**
 * Stops the run: a limit was reached. `simulate` turns it into a `limit` outcome; it is an `Error` so that
 * anything that ever sees one escape still gets a message (not "[object Object]") and a stack.
 */
export class LimitError extends Error {
  override name = 'LimitError';
  constructor(
    message: string,
    readonly site = -1,
  ) {
    super(message);
  }
}

export class Machine {
  readonly threads: SimThread[] = [];
  current!: SimThread;
  /** Interpreter steps taken in the current poll/step, for the never-yields limit. */
  steps = 0;
  private tieRng: FastRand;
  private stopped = false;
  /** Threads whose process ended: the loop stops (the process exited). */
  exited = false;

  constructor(
    readonly trace: TraceWriter,
    readonly limits: Limits,
    readonly rng: FastRand,
  ) {
    this.tieRng = rng.fork();
  }

  /** `runtime`: the runtime the thread belongs to (0: none), recorded in its `thread-start`. */
  spawnThread(kind: ThreadKind, name: string, body: ThreadBody | null, at: number, runtime = 0): SimThread {
    const t = new SimThread(this.threads.length, kind, name, this.rng.fork());
    t.clock = at;
    t.readyAt = at;
    t.body = body;
    this.threads.push(t);
    if (this.threads.length > MAX_THREADS)
      throw new LimitError(`more than ${MAX_THREADS} threads were started`);
    const prev = this.current;
    this.current = t;
    this.emit('thread-start', { role: kind, name, runtime });
    if (prev) this.current = prev;
    return t;
  }

  /** Emits an event on the current thread at its clock. */
  emit<K extends EventKind>(kind: K, fields: EventFields<K>): void {
    const t = this.current;
    this.trace.emit(kind, t.id, t.clock, fields);
    if (this.trace.length >= this.limits.maxEvents)
      throw new LimitError(
        `the run reached the limit of ${this.limits.maxEvents} event${this.limits.maxEvents === 1 ? '' : 's'}`,
      );
  }

  /** Emits without the event limit check (the final `outcome`, which must always be recorded). */
  emitFinal<K extends EventKind>(kind: K, fields: EventFields<K>): void {
    const t = this.current;
    this.trace.emit(kind, t.id, t.clock, fields);
  }

  /** Emits on another thread at that thread's clock (e.g. `unpark` on the thread that resumes). */
  emitOn<K extends EventKind>(thread: SimThread, kind: K, fields: EventFields<K>): void {
    this.trace.emit(kind, thread.id, thread.clock, fields);
  }

  /** The current thread spends `ns` of machine time. */
  spend(ns: number): void {
    this.current.clock += ns;
    if (this.current.clock > this.limits.maxMachineTime)
      throw new LimitError(`the run reached the machine-time limit of ${this.limits.maxMachineTime / 1e9} s`);
  }

  /** Called every 2^20 interpreter steps, so a long computation still reports progress. */
  onHeartbeat: (() => void) | null = null;
  /** Interpreter steps in the whole run. */
  totalSteps = 0;

  /** Counts an interpreter step; stops a poll that never yields, and a run that computes without end. */
  step(cost: number): void {
    this.current.clock += cost;
    if ((++this.totalSteps & 0xfffff) === 0) this.onHeartbeat?.();
    if (this.totalSteps > this.limits.maxSteps)
      throw new LimitError(
        `the run took more than ${this.limits.maxSteps} interpreter steps (its step limit: a computation without end?)`,
      );
    if (++this.steps > this.limits.maxStepsPerPoll)
      throw new LimitError(
        `a single poll ran ${this.limits.maxStepsPerPoll} steps without returning (an infinite loop without .await?)`,
      );
  }

  /**
   * `n` steps of work done in one go by the simulator for the program (building a big value: memory.ts
   * charges one step per `BYTES_PER_STEP` a value grows), counted against the same budgets as `step`, with
   * no machine time (the model's clock stays what the statements and loops make it).
   */
  work(n: number): void {
    if (n <= 0) return;
    const before = this.totalSteps;
    this.totalSteps += n;
    if (Math.floor(before / 2 ** 20) !== Math.floor(this.totalSteps / 2 ** 20)) this.onHeartbeat?.();
    if (this.totalSteps > this.limits.maxSteps)
      throw new LimitError(
        `the run took more than ${this.limits.maxSteps} interpreter steps (its step limit: a computation without end?)`,
      );
    this.steps += n;
    if (this.steps > this.limits.maxStepsPerPoll)
      throw new LimitError(
        `a single poll ran ${this.limits.maxStepsPerPoll} steps without returning (building big values over and over without .await?)`,
      );
  }

  /** Blocks the current thread; it is resumed by the loop (sleep) or by `makeReady` (wait). */
  block(t: SimThread, req: BlockRequest): void {
    if (req.kind === 'run') {
      t.outer.push(t.body!);
      t.body = req.body;
      t.readyAt = t.clock;
      return;
    }
    t.status = 'blocked';
    t.blockedOn = req.what;
    t.blockedOnLock = req.kind === 'wait' ? (req.lock ?? null) : null;
    if (req.kind === 'sleep') {
      t.readyAt = t.clock + req.ns;
    } else {
      t.readyAt = req.timeoutNs === undefined ? Infinity : t.clock + req.timeoutNs;
      req.queue.add(t);
    }
  }

  /** A parked or waiting thread can run again, no earlier than the signalling thread's now. */
  makeReady(t: SimThread): void {
    if (t.status === 'exited') return;
    const now = this.current ? this.current.clock : t.clock;
    const at = Math.max(t.clock, now);
    if (t.readyAt > at) t.readyAt = at;
  }

  /** A parked thread can run again at machine time `at` (an event it waits for lands then). */
  makeReadyAt(t: SimThread, at: number): void {
    if (t.status === 'exited') return;
    const when = Math.max(t.clock, at);
    if (t.readyAt > when) t.readyAt = when;
  }

  /** A nested body (`BlockRequest` `run`) is done: the thread goes back to the body it interrupted. */
  resumeOuter(t: SimThread): void {
    const outer = t.outer.pop();
    assert(outer !== undefined, 'resumeOuter without a nested body');
    t.body = outer;
    t.status = 'runnable';
    t.blockedOn = null;
    this.makeReady(t);
  }

  stop(): void {
    this.stopped = true;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /**
   * Runs until the process exits, every thread is stuck (returns the stuck threads), or `stop()`.
   * Returns null when the run ended normally.
   */
  run(): SimThread[] | null {
    while (!this.stopped) {
      const t = this.pickNext();
      if (!t) return this.threads.filter((x) => x.status !== 'exited');
      if (t.clock < t.readyAt) t.clock = t.readyAt;
      if (t.status === 'blocked' || t.status === 'parked') t.status = 'runnable';
      this.current = t;
      this.steps = 0;
      assert(t.body !== null, 'thread without body');
      t.body.step(t);
      // A thread that is still runnable continues from where its clock now stands.
      if (t.status === 'runnable' && t.readyAt < t.clock) t.readyAt = t.clock;
    }
    return null;
  }

  private pickNext(): SimThread | null {
    let best: SimThread | null = null;
    let ties = 0;
    for (const t of this.threads) {
      if (t.status === 'exited' || t.readyAt === Infinity) continue;
      if (best === null || t.readyAt < best.readyAt) {
        best = t;
        ties = 1;
      } else if (t.readyAt === best.readyAt) {
        ties++;
      }
    }
    if (best === null || ties === 1) return best;
    // Several threads can run at the same instant: the seeded RNG decides, as real timing would.
    let k = this.tieRng.nextN(ties);
    for (const t of this.threads) {
      if (t.status === 'exited' || t.readyAt !== best.readyAt) continue;
      if (k-- === 0) return t;
    }
    return best;
  }

  exitThread(t: SimThread): void {
    t.status = 'exited';
    t.readyAt = Infinity;
    const prev = this.current;
    this.current = t;
    this.emit('thread-exit', {});
    this.current = prev;
  }
}
