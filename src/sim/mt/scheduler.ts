/**
 * tokio's multi_thread scheduler (`runtime/scheduler/multi_thread/`, spec §4) as tasks and wakers see it:
 * where a woken or spawned task goes (`schedule_task`, §4.5), who gets notified (§4.7), the shared driver
 * (one parked worker holds it, §4.8), the defer lists, `block_in_place` (§6.2), and the `block_on` thread,
 * which is not a worker: the main future is polled there and everything it spawns or wakes goes through
 * the inject queue (§4.12).
 */
import { Deque } from '../../base';
import type { QueueKind } from '../../trace/events';
import { THREAD_SPAWN_COST_NS } from '../costs';
import { hasDeferred, pushDeferred, wakeDeferred } from '../defer';
import { WaitQueue, type SimThread } from '../machine';
import { markQueued, type Task, type Scheduler } from '../task';
import type { World } from '../world';
import type { TimeDriver } from '../time-driver';
import { Core, pushBackOrOverflow } from './core';
import { Idle } from './idle';
import { EVENT_INTERVAL, WorkerThread, type WorkerShared } from './worker-thread';
import { BlockOnThread } from '../block-on-thread';

export class MultiThreadScheduler implements Scheduler, WorkerShared {
  readonly flavor = 'multi_thread' as const;
  readonly cores: Core[] = [];
  readonly inject = new Deque<Task>();
  readonly idle: Idle;
  /** The worker parked in the driver (tokio's driver `TryLock`), or null. */
  driverOwner: Core | null = null;
  shuttingDown = false;
  /** Worker threads alive; shutdown waits for them. */
  private alive = 0;
  /** Signalled when a worker thread exits (the runtime's drop waits for them). */
  readonly exited = new WaitQueue();
  /** Every `block_on` in progress, by the future it drives (several threads may block on one runtime). */
  private readonly blockOns = new Map<Task, BlockOnThread>();
  eventInterval = EVENT_INTERVAL;
  /** The trace id of the runtime's shared queues (inject, the block_on thread's park): `-runtime`. */
  readonly sharedId: number;
  globalQueueInterval: number | null = null;
  /** Added to the lanes' names of a second, third… runtime (` (runtime 2)`); empty for the first. */
  laneSuffix = '';
  /** Builder's `thread_name` for the worker threads (null: `tokio-runtime-worker`). */
  threadName: string | null = null;
  /** Sets each new worker thread's handle context (sim/rt/runtime.ts: the runtime this scheduler is). */
  onThreadStart: ((t: SimThread) => void) | null = null;

  constructor(
    readonly world: World,
    /** This runtime's driver (several runtimes each have their own). */
    readonly time: TimeDriver,
    workers: number,
    /** The trace id of its first core and its runtime's id (trace/events.ts `runtime-new`). */
    coreBase = 0,
    runtimeId = 1,
  ) {
    this.idle = new Idle(workers);
    this.sharedId = -runtimeId;
    for (let i = 0; i < workers; i++)
      this.cores.push(new Core(i, world.machine.rng.fork(), coreBase, runtimeId));
    time.onUnpark = () => {
      // The mio waker: the worker blocked in the driver returns from its turn (whatever its parker says).
      const d = this.driverOwner;
      if (d?.holder) this.world.machine.makeReady(d.holder);
    };
    time.onIoEvent = (at) => {
      const d = this.driverOwner;
      if (d?.holder) this.world.machine.makeReadyAt(d.holder, at);
    };
  }

  /** `Launch::launch` (at `build`): one OS thread per worker, each started through the blocking pool. */
  launch(): void {
    const m = this.world.machine;
    for (const core of this.cores) {
      m.spend(THREAD_SPAWN_COST_NS);
      this.startThread(core, false, `worker ${core.index}${this.laneSuffix}`);
    }
    m.current.readyAt = m.current.clock;
  }

  /** `MultiThread::block_on`: `thread` parks between polls of `main` (it takes no core). */
  beginBlockOn(main: Task, thread: SimThread): BlockOnThread {
    const b = new BlockOnThread(this.world, main, this.sharedId);
    b.thread = thread;
    this.blockOns.set(main, b);
    return b;
  }

  endBlockOn(main: Task): void {
    this.blockOns.get(main)?.finish();
    this.blockOns.delete(main);
  }

  private isBlockOnThread(t: SimThread): boolean {
    for (const b of this.blockOns.values()) if (b.thread === t) return true;
    return false;
  }

  private startThread(core: Core, handoff: boolean, name: string): SimThread {
    const m = this.world.machine;
    const body = new WorkerThread(this, core, handoff);
    const at = m.current.clock + (handoff ? THREAD_SPAWN_COST_NS : 0);
    const t = m.spawnThread('worker', name, body, at, -this.sharedId);
    body.thread = t;
    t.context = body;
    t.threadName = this.threadName;
    this.onThreadStart?.(t);
    if (!handoff) core.holder = t;
    this.alive++;
    return t;
  }

  /** A worker thread ends (shutdown, or it gave its core away in block_in_place). */
  threadLeft(thread: SimThread): void {
    this.alive--;
    this.world.machine.exitThread(thread);
    this.exited.notifyAll(this.world.machine);
  }

  get workersAlive(): number {
    return this.alive;
  }

  /** The core `thread` holds, if it is a worker of this runtime that has one. */
  coreOf(thread: SimThread): Core | null {
    const ctx = thread.context;
    // A worker of another runtime is a remote thread here (several runtimes in one program).
    return ctx instanceof WorkerThread && ctx.holdsCore && ctx.runtime === this ? ctx.core : null;
  }

  // ------------------------------------------------------------------------------------ Scheduler

  isLocal(thread: SimThread): boolean {
    return this.coreOf(thread) !== null;
  }

  schedule(task: Task): void {
    this.scheduleTask(task, false);
  }

  yieldNow(task: Task): void {
    this.scheduleTask(task, true);
  }

  /** `Handle::schedule_task`: local if this thread holds a core of this runtime, else inject + notify. */
  private scheduleTask(task: Task, isYield: boolean): void {
    const m = this.world.machine;
    const core = this.coreOf(m.current);
    if (core) {
      this.scheduleLocal(core, task, isYield);
      return;
    }
    this.inject.pushBack(task);
    markQueued(task, m.current);
    m.emit('schedule', { task: task.id, core: this.sharedId, where: 'inject' });
    this.notifyParked();
  }

  /** `schedule_local`: the LIFO slot (displacing its task to the queue), or the queue for yields. */
  private scheduleLocal(core: Core, task: Task, isYield: boolean): void {
    const m = this.world.machine;
    let notify: boolean;
    if (isYield || (this.world.profile === 'latest' && !core.lifoEnabled)) {
      pushBackOrOverflow(m, this.world.profile, core, task, this.inject);
      notify = true;
    } else {
      const prev = core.lifo;
      if (prev) pushBackOrOverflow(m, this.world.profile, core, prev, this.inject);
      core.lifo = task;
      markQueued(task, m.current);
      m.emit('schedule', { task: task.id, core: core.traceId, where: 'lifo' });
      notify = prev !== null;
    }
    // Inside the worker's own park (timer, I/O and deferred wakes) nobody is notified.
    if (notify && !core.inPark) this.notifyParked();
  }

  wakeMain(main: Task): void {
    this.blockOns.get(main)?.wake();
  }

  defer(task: Task): void {
    const m = this.world.machine;
    const t = m.current;
    const core = this.coreOf(t);
    const is124 = this.world.profile === '1.24';
    // 1.24 keeps a thread-local defer list wherever the runtime is entered (workers and the block_on
    // thread); latest keeps it in the worker's context. Elsewhere (no core) the waker is woken at once.
    if (!core && !(is124 && this.isBlockOnThread(t))) {
      this.world.interp.wakeTaskByRef(task, -1);
      return;
    }
    // Without a core this is the 1.24 block_on thread, whose list is the thread-local one.
    if (pushDeferred(this.world, t, core ? core.deferLatest : [], task))
      m.emit('defer', { task: task.id, core: core ? core.traceId : this.sharedId });
  }

  hasDeferred(thread: SimThread, core: Core): boolean {
    return hasDeferred(this.world, thread, core.deferLatest);
  }

  /** `Defer::wake` on a worker (its core's list) or the 1.24 block_on thread (`core` null). */
  wakeDeferred(thread: SimThread, core: Core | null): void {
    wakeDeferred(this.world, thread, core ? core.deferLatest : null);
  }

  whereIs(task: Task): QueueKind | null {
    for (const c of this.cores) {
      if (c.lifo === task) return 'lifo';
      for (let i = 0; i < c.runQueue.length; i++) if (c.runQueue.at(i) === task) return 'local';
    }
    for (let i = 0; i < this.inject.length; i++) if (this.inject.at(i) === task) return 'inject';
    return null;
  }

  // ------------------------------------------------------------------------------------ idle workers

  /** `notify_parked`: wake the most recently parked worker, unless someone is searching. */
  notifyParked(): void {
    const i = this.idle.workerToNotify();
    if (i !== null) this.unpark(this.cores[i]!);
  }

  /** `notify_if_work_pending`: the last searcher parks; wake a peer if any queue still has work. */
  notifyIfWorkPending(): void {
    if (this.cores.some((c) => c.runQueue.length > 0) || this.inject.length > 0) this.notifyParked();
  }

  /** `Unparker::unpark`: leave a token; wake the thread on its condvar, or through the driver. */
  private unpark(core: Core): void {
    const m = this.world.machine;
    const prev = core.parkState;
    if (prev === 'notified') return;
    core.parkState = 'notified';
    core.unparkedBy = m.current.id;
    if (prev === 'parked-condvar' && core.holder) m.makeReady(core.holder);
    else if (prev === 'parked-driver') this.time.driverUnpark();
  }

  // ------------------------------------------------------------------------------------ block_in_place

  /**
   * `block_in_place` on a worker (spec §6.2): the core goes to a new thread, which carries on with its
   * queues while this thread runs the blocking closure. Returns the function to call when the closure
   * returns, or null when there is no core to hand over (the block_on thread: the closure just runs).
   */
  enterBlockInPlace(): (() => void) | null {
    const m = this.world.machine;
    const t = m.current;
    const core = this.coreOf(t);
    if (!core) return null;
    if (this.world.profile === 'latest') {
      // latest wakes the deferred tasks first (#7879) and lets the LIFO task be stolen (#6596).
      this.wakeDeferred(t, core);
      if (core.lifo) {
        const lifo = core.lifo;
        core.lifo = null;
        pushBackOrOverflow(m, this.world.profile, core, lifo, this.inject);
      }
    }
    core.holder = null;
    // The new thread runs the worker through `runtime::spawn_blocking`, which takes a task id.
    this.world.nextTaskId++;
    core.handoff = this.startThread(
      core,
      true,
      `worker ${core.index}${this.laneSuffix} (after block_in_place)`,
    );
    const budget = t.budget;
    t.budget = null;
    return () => {
      t.budget = budget;
      // `Reset::drop`: take the core back if the other thread has not started with it yet.
      if (core.holder === null) {
        core.holder = t;
        core.handoff = null;
      }
    };
  }

  // ------------------------------------------------------------------------------------ shutdown

  /** `Handle::close`: no new work; every worker is unparked and leaves its loop. */
  shutdown(): void {
    this.shuttingDown = true;
    for (const c of this.cores) this.unpark(c);
  }
}
