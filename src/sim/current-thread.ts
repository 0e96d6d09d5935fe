/**
 * tokio's current_thread scheduler (`runtime/scheduler/current_thread.rs`, spec §5), as the body of the
 * thread that runs `block_on`.
 *
 * One step of the thread is one thing the real loop does: poll the `block_on` future, run one task, or park
 * (a driver turn). `global_queue_interval` (31) and `event_interval` (61) follow the source, including
 * 1.24's off-by-one of the tick check (spec §11 row 10).
 */
import { Deque } from '../base';
import type { QueueKind } from '../trace/events';
import { PARK_COST_NS, SCHED_COST_NS } from './costs';
import { BlockOnThread } from './block-on-thread';
import { hasDeferred, pushDeferred, wakeDeferred } from './defer';
import { resumePoll, runTask } from './harness';
import type { SimThread, ThreadBody } from './machine';
import { markQueued, takeQueued, type Task, type Waker, type Scheduler } from './task';
import type { World } from './world';
import type { Profile } from './config';
import type { TimeDriver } from './time-driver';

export const CT_GLOBAL_QUEUE_INTERVAL = 31;
export const EVENT_INTERVAL = 61;

/**
 * One pop of the current_thread loop: whether to look at the inject queue first, and the next tick.
 * [24] tests the tick *before* incrementing it, so its very first pop is inject-first; latest increments
 * first (tokio #5701, 1.29.0).
 */
export function ctTick(
  profile: Profile,
  tick: number,
  interval = CT_GLOBAL_QUEUE_INTERVAL,
): { injectFirst: boolean; next: number } {
  const next = (tick + 1) >>> 0;
  const used = profile === '1.24' ? tick : next;
  return { injectFirst: used % interval === 0, next };
}

type Phase =
  | { k: 'outer' }
  | { k: 'batch'; n: number }
  /** The thread is blocked in the driver; the next step finishes the park. */
  | { k: 'parked' }
  /** A poll blocked its thread (std::thread::sleep inside async); the next step resumes it. */
  | { k: 'in-poll'; task: Task; then: 'outer' | number }
  | { k: 'finished' };

export class CurrentThreadScheduler implements Scheduler, ThreadBody {
  readonly flavor = 'current_thread' as const;
  readonly local = new Deque<Task>(64);
  readonly inject = new Deque<Task>();
  private tick = 0;
  /** The block_on future needs a poll. `waker_ref` sets it before the loop starts. */
  woken = true;
  /** latest tokio keeps the defer list in the scheduler context (spec §3.2). */
  private deferLatest: Waker[] = [];
  private phase: Phase = { k: 'outer' };
  thread!: SimThread;
  /** The future the running `block_on` drives (task 0), null between two `block_on`s. */
  mainTask: Task | null = null;
  /** Each `Handle::block_on` in progress, by the future it polls (see `beginHandleBlockOn`). */
  private readonly handleBlockOns = new Map<Task, BlockOnThread>();
  /** Builder's `global_queue_interval` and `event_interval`. */
  globalQueueInterval = CT_GLOBAL_QUEUE_INTERVAL;
  eventInterval = EVENT_INTERVAL;
  /** The trace id of its core (0 for the first runtime; see `runtime-new` in trace/events.ts). */
  coreId = 0;
  /** The trace id of its shared queue (the inject queue): `-runtime`. */
  sharedId = -1;

  constructor(
    private readonly world: World,
    /** This runtime's driver (several runtimes each have their own). */
    private readonly time: TimeDriver,
  ) {}

  /** `CurrentThread::block_on`: `thread` takes the core and runs the loop until `main` is Ready. */
  beginBlockOn(main: Task, thread: SimThread): void {
    this.mainTask = main;
    this.woken = true;
    this.phase = { k: 'outer' };
    this.attach(thread);
  }

  attach(thread: SimThread): void {
    this.thread = thread;
    thread.context = this;
    this.time.onUnpark = () => {
      if (this.phase.k === 'parked') this.world.machine.makeReady(thread);
    };
    this.time.onIoEvent = (at) => {
      if (this.phase.k === 'parked') this.world.machine.makeReadyAt(thread, at);
    };
  }

  /**
   * `Handle::block_on` (`runtime/handle.rs`): `enter_runtime` and `CachedParkThread::block_on`. The thread
   * polls `main` itself and parks in between; it never takes the core, so it runs none of the runtime's
   * tasks and turns neither the timer nor the I/O driver — only a thread in `Runtime::block_on` does
   * (tokio's docs: "anything that relies on IO or timers will not work" without one).
   */
  beginHandleBlockOn(main: Task, thread: SimThread): BlockOnThread {
    const b = new BlockOnThread(this.world, main, this.sharedId);
    b.thread = thread;
    this.handleBlockOns.set(main, b);
    return b;
  }

  endHandleBlockOn(main: Task): void {
    this.handleBlockOns.get(main)?.finish();
    this.handleBlockOns.delete(main);
  }

  /**
   * For a deadlock report: why `Handle::block_on` waits forever when no thread is in `Runtime::block_on`
   * (null when that is not the case).
   */
  undriven(runtime: number): string | null {
    if (this.mainTask !== null || this.handleBlockOns.size === 0) return null;
    const threads = [...this.handleBlockOns.values()].map((b) => b.thread.name).join(', ');
    return (
      `runtime ${runtime} (current_thread) is driven by no thread: only \`Runtime::block_on\` runs its tasks ` +
      `and turns its timer and I/O driver, and no thread is in it; \`Handle::block_on\` (on ${threads}) ` +
      `only polls its own future and parks`
    );
  }

  private isHandleBlockOn(t: SimThread): boolean {
    for (const b of this.handleBlockOns.values()) if (b.thread === t) return true;
    return false;
  }

  /** `block_on` returned: the core is put back; the thread no longer runs this scheduler. */
  endBlockOn(): void {
    this.phase = { k: 'finished' };
    this.mainTask = null;
    if (this.thread.context === this) this.thread.context = null;
  }

  // ------------------------------------------------------------------------------------------ Scheduler

  isLocal(thread: SimThread): boolean {
    return thread.context === this;
  }

  schedule(task: Task): void {
    const m = this.world.machine;
    if (this.isLocal(m.current)) {
      this.local.pushBack(task);
      markQueued(task, m.current);
      m.emit('schedule', { task: task.id, core: this.coreId, where: 'local' });
    } else {
      this.inject.pushBack(task);
      markQueued(task, m.current);
      m.emit('schedule', { task: task.id, core: this.sharedId, where: 'inject' });
      this.driverUnpark();
    }
  }

  /** current_thread does not override `Schedule::yield_now`: it is `schedule`. */
  yieldNow(task: Task): void {
    this.schedule(task);
  }

  wakeMain(main: Task): void {
    const byHandle = this.handleBlockOns.get(main);
    if (byHandle) {
      byHandle.wake();
      return;
    }
    const profileLatest = this.world.profile === 'latest';
    const alreadyWoken = this.woken;
    this.woken = true;
    // [24] always unparks the driver; latest skips it when already woken or on the runtime thread (#7834).
    if (!profileLatest || (!alreadyWoken && !this.isLocal(this.world.machine.current))) this.driverUnpark();
  }

  defer(task: Task): void {
    const m = this.world.machine;
    const t = m.current;
    if (!this.isLocal(t) && this.world.profile === '1.24' && this.isHandleBlockOn(t)) {
      // 1.24's `enter_runtime` gives a `Handle::block_on` thread a thread-local defer list, woken before
      // it parks (`CachedParkThread::block_on`); latest has no scheduler there and wakes at once.
      if (pushDeferred(this.world, t, [], task)) m.emit('defer', { task: task.id, core: this.sharedId });
      return;
    }
    if (!this.isLocal(t)) {
      // No scheduler context on this thread: wake immediately.
      this.world.interp.wakeTaskByRef(task, -1);
      return;
    }
    if (pushDeferred(this.world, t, this.deferLatest, task))
      m.emit('defer', { task: task.id, core: this.coreId });
  }

  whereIs(task: Task): QueueKind | null {
    for (let i = 0; i < this.local.length; i++) if (this.local.at(i) === task) return 'local';
    for (let i = 0; i < this.inject.length; i++) if (this.inject.at(i) === task) return 'inject';
    return null;
  }

  private driverUnpark(): void {
    this.time.driverUnpark();
  }

  private hasDeferred(): boolean {
    return hasDeferred(this.world, this.thread, this.deferLatest);
  }

  private wakeDeferred(): void {
    wakeDeferred(this.world, this.thread, this.deferLatest);
  }

  // ------------------------------------------------------------------------------------------ the loop

  describe(): string {
    return this.phase.k === 'parked'
      ? 'parked in the driver (waiting for a timer, I/O or a wake)'
      : 'running the scheduler';
  }

  get finished(): boolean {
    return this.phase.k === 'finished';
  }

  finish(): void {
    this.phase = { k: 'finished' };
  }

  step(thread: SimThread): void {
    const p = this.phase;
    switch (p.k) {
      case 'finished':
        return;
      case 'in-poll': {
        const r = resumePoll(this.world, p.task);
        if (r === 'blocked') return;
        this.afterPoll(p.then);
        return;
      }
      case 'parked':
        this.finishPark(thread);
        return;
      case 'outer':
        if (this.woken) {
          this.woken = false;
          const r = runTask(this.world, this.mainTask!, 'main');
          if (this.phase.k === 'finished') return;
          if (r === 'blocked') {
            this.phase = { k: 'in-poll', task: this.mainTask!, then: 'outer' };
            return;
          }
          this.phase = { k: 'batch', n: 0 };
          return;
        }
        this.phase = { k: 'batch', n: 0 };
        this.batchStep(thread, 0);
        return;
      case 'batch':
        this.batchStep(thread, p.n);
        return;
    }
  }

  private afterPoll(then: 'outer' | number): void {
    if (this.phase.k === 'finished') return;
    this.phase = then === 'outer' ? { k: 'batch', n: 0 } : { k: 'batch', n: then };
  }

  private batchStep(thread: SimThread, n: number): void {
    const m = this.world.machine;
    if (n >= this.eventInterval) {
      // After 61 tasks: yield to the driver, then poll the block_on future if woken.
      this.parkYield(thread);
      this.phase = { k: 'outer' };
      return;
    }
    // [24] checks the tick before incrementing it; latest increments first (#5701).
    const { injectFirst, next } = ctTick(this.world.profile, this.tick, this.globalQueueInterval);
    this.tick = next;
    let task: Task | undefined;
    let from: QueueKind = 'local';
    if (injectFirst) {
      task = this.inject.popFront();
      from = 'inject';
      if (!task) {
        task = this.local.popFront();
        from = 'local';
      }
    } else {
      task = this.local.popFront();
      if (!task) {
        task = this.inject.popFront();
        from = 'inject';
      }
    }
    if (!task) {
      m.spend(SCHED_COST_NS);
      const yieldInstead =
        this.world.profile === '1.24'
          ? this.hasDeferred()
          : this.local.length > 0 || this.hasDeferred() || this.woken;
      if (yieldInstead) {
        this.parkYield(thread);
        this.phase = { k: 'outer' };
      } else {
        this.park(thread);
      }
      return;
    }
    if (from === 'inject') takeQueued(task, thread);
    const r = runTask(this.world, task, from);
    if (this.phase.k === 'finished') return;
    if (r === 'blocked') {
      this.phase = { k: 'in-poll', task, then: n + 1 };
      return;
    }
    this.phase = { k: 'batch', n: n + 1 };
  }

  /** `Context::park_yield`: a driver turn with a zero timeout, then wake the deferred tasks. */
  private parkYield(_thread: SimThread): void {
    const m = this.world.machine;
    m.emit('park', { timeout: 0, core: this.coreId });
    m.spend(PARK_COST_NS);
    this.time.turn(false);
    this.wakeDeferred();
    m.emit('unpark', { by: -1 });
  }

  /** `Context::park`: block in the driver until a timer, a wake from another thread, or the unpark token. */
  private park(thread: SimThread): void {
    const m = this.world.machine;
    const time = this.time;
    const timeout = time.parkTimeoutPeek();
    m.emit('park', { timeout: timeout ?? -1, core: this.coreId });
    m.spend(PARK_COST_NS);
    const blocked = time.turn(true);
    if (blocked === 'done') {
      this.wakeDeferred();
      m.emit('unpark', { by: -1 });
      this.phase = { k: 'outer' };
      return;
    }
    thread.status = 'parked';
    thread.blockedOn = 'parked in the driver';
    thread.readyAt = blocked.until;
    this.phase = { k: 'parked' };
  }

  private finishPark(_thread: SimThread): void {
    const m = this.world.machine;
    this.time.afterBlockingPark();
    this.wakeDeferred();
    m.emit('unpark', { by: -1 });
    this.phase = { k: 'outer' };
  }
}
