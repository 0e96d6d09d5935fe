/**
 * One thread running a multi_thread worker's core: tokio's `Context::run` loop (spec §4.2–§4.9).
 *
 * One step is one thing the loop does that takes machine time: a task poll (the first task of a
 * `run_task`, or one task of its LIFO chain), a zero-timeout driver turn, or a park. Between polls other
 * threads run, in machine-time order, so workers interleave the way parallel threads would.
 *
 * The core can leave this thread (`block_in_place`): the thread then finishes its current poll and exits,
 * and a new thread carries on with the core from the top of the loop.
 */
import { PARK_COST_NS, SCHED_COST_NS } from '../costs';
import { BUDGET, resumePoll, runTask } from '../harness';
import type { SimThread, ThreadBody } from '../machine';
import { takeQueued, type Task } from '../task';
import type { QueueKind } from '../../trace/events';
import { MAX_LIFO_POLLS_PER_TICK, pushBackOrOverflow, stealInto, type Core } from './core';
import type { Idle } from './idle';
import type { Deque } from '../../base';
import type { World } from '../world';
import type { TimeDriver } from '../time-driver';

export const EVENT_INTERVAL = 61;
/** 1.24's `global_queue_interval` for multi_thread (a config value; latest tunes it). */
export const MT_GLOBAL_QUEUE_INTERVAL_1_24 = 61;

type Phase =
  /** A thread started by `block_in_place` that has not taken the core yet. */
  | { k: 'start' }
  | { k: 'top' }
  /** After a poll: `run_task`'s loop over the LIFO slot. */
  | { k: 'chain'; lifoPolls: number }
  /** A poll blocked the thread (std::thread::sleep in async); the next step resumes it. */
  | { k: 'in-poll'; task: Task; lifoPolls: number }
  | { k: 'parked'; inDriver: boolean };

interface Next {
  task: Task;
  from: QueueKind;
}

/**
 * What a worker shares with the other workers (tokio's `multi_thread::worker::Shared` and `Handle`):
 * the inject queue, the cores, the idle counts, the driver lock. scheduler.ts `MultiThreadScheduler` is it.
 */
export interface WorkerShared {
  readonly world: World;
  /** The runtime's driver. */
  readonly time: TimeDriver;
  /** Builder's `event_interval` (61). */
  readonly eventInterval: number;
  /** Builder's `global_queue_interval`, or null for the default (61 in 1.24; tuned in latest). */
  readonly globalQueueInterval: number | null;
  readonly cores: readonly Core[];
  readonly inject: Deque<Task>;
  readonly idle: Idle;
  /** The worker parked in the driver (tokio's driver `TryLock`), or null. */
  driverOwner: Core | null;
  readonly shuttingDown: boolean;
  /** A worker thread ends (shutdown, or it gave its core away in block_in_place). */
  threadLeft(thread: SimThread): void;
  hasDeferred(thread: SimThread, core: Core): boolean;
  wakeDeferred(thread: SimThread, core: Core | null): void;
  notifyParked(): void;
  notifyIfWorkPending(): void;
}

export class WorkerThread implements ThreadBody {
  thread!: SimThread;
  private phase: Phase;

  /** The scheduler this worker belongs to. */
  get runtime(): WorkerShared {
    return this.sched;
  }

  constructor(
    private readonly sched: WorkerShared,
    readonly core: Core,
    handoff: boolean,
  ) {
    this.phase = handoff ? { k: 'start' } : { k: 'top' };
  }

  /** Does this thread hold its core (so wakes from it are local)? */
  get holdsCore(): boolean {
    return this.core.holder === this.thread;
  }

  describe(): string {
    switch (this.phase.k) {
      case 'parked':
        return this.phase.inDriver ? 'parked in the driver' : 'parked (condvar)';
      case 'in-poll':
        return `blocked inside a poll of task ${this.phase.task.id}`;
      default:
        return `worker ${this.core.index} loop`;
    }
  }

  step(thread: SimThread): void {
    const s = this.sched;
    // Each pass either takes machine time and returns, or moves to the next phase of the same iteration.
    for (let guard = 0; guard < 1000; guard++) {
      const p = this.phase;
      switch (p.k) {
        case 'start':
          if (this.core.holder === null && this.core.handoff === thread) {
            this.core.holder = thread;
            this.core.handoff = null;
            this.phase = { k: 'top' };
            continue;
          }
          // The thread that called block_in_place took its core back first.
          s.threadLeft(thread);
          return;
        case 'in-poll': {
          const r = resumePoll(s.world, p.task);
          if (r === 'blocked') return;
          this.phase = { k: 'chain', lifoPolls: p.lifoPolls };
          return;
        }
        case 'parked':
          if (this.finishPark(p.inDriver)) return;
          continue;
        case 'chain':
          if (!this.holdsCore) {
            // block_in_place gave the core to another thread: this one leaves the worker.
            s.threadLeft(thread);
            return;
          }
          if (this.runLifo(p.lifoPolls)) return;
          continue;
        case 'top':
          if (s.shuttingDown) {
            s.threadLeft(thread);
            return;
          }
          if (this.loopIteration()) return;
          continue;
      }
    }
  }

  // ------------------------------------------------------------------------------------- the loop

  /** One iteration of `Context::run`. Returns true when it took machine time (the step is over). */
  private loopIteration(): boolean {
    const s = this.sched;
    const m = s.world.machine;
    const core = this.core;
    core.tick = (core.tick + 1) >>> 0;
    if (core.tick % s.eventInterval === 0) {
      // maintenance: a zero-timeout driver turn (timers, deferred tasks) every 61 iterations.
      core.endBatch(m.current.clock);
      this.parkYield();
      core.startBatch(m.current.clock);
    }
    const next = this.nextTask();
    if (next) {
      this.runFirst(next);
      return true;
    }
    core.endBatch(m.current.clock);
    const stolen = this.stealWork();
    if (stolen) {
      core.startBatch(m.current.clock);
      this.runFirst(stolen);
      return true;
    }
    m.spend(SCHED_COST_NS);
    if (s.hasDeferred(this.thread, core)) {
      this.parkYield();
      core.startBatch(m.current.clock);
      return true;
    }
    return this.park();
  }

  /** `Core::next_task` (spec §4.3). */
  private nextTask(): Next | null {
    const s = this.sched;
    const core = this.core;
    const latest = s.world.profile === 'latest';
    const fixed = s.globalQueueInterval;
    const interval = fixed ?? (latest ? core.globalQueueInterval : MT_GLOBAL_QUEUE_INTERVAL_1_24);
    if (core.tick % interval === 0) {
      if (latest && fixed === null) core.tuneGlobalQueueInterval();
      const t = s.inject.popFront();
      if (t) return this.fromInject(t);
      return this.nextLocal();
    }
    const local = this.nextLocal();
    if (local) return local;
    if (s.inject.length === 0) return null;
    if (!latest) return this.fromInject(s.inject.popFront()!);
    // latest pulls a batch from the inject queue (#5705): the first runs, the rest join the local queue.
    const cap = Math.min(256 - core.runQueue.length, 128);
    const n = Math.max(1, Math.min(Math.floor(s.inject.length / s.cores.length) + 1, cap));
    const first = s.inject.popFront()!;
    takeQueued(first, s.world.machine.current);
    for (let i = 1; i < n; i++) {
      const t = s.inject.popFront();
      if (!t) break;
      takeQueued(t, s.world.machine.current);
      core.runQueue.pushBack(t);
      s.world.machine.emit('schedule', { task: t.id, core: core.traceId, where: 'local' });
    }
    return { task: first, from: 'inject' };
  }

  /** A task taken from the inject queue, which other threads fill (see `takeQueued`). */
  private fromInject(t: Task): Next {
    takeQueued(t, this.sched.world.machine.current);
    return { task: t, from: 'inject' };
  }

  /** `next_local_task`: the LIFO slot always before the local queue. */
  private nextLocal(): Next | null {
    const core = this.core;
    if (core.lifo) {
      const t = core.lifo;
      core.lifo = null;
      return { task: t, from: 'lifo' };
    }
    const t = core.runQueue.popFront();
    return t ? { task: t, from: 'local' } : null;
  }

  /** `Core::steal_work` (spec §4.6): search if allowed, from a random victim, then the inject queue. */
  private stealWork(): Next | null {
    const s = this.sched;
    const core = this.core;
    if (!core.isSearching) this.setSearching(s.idle.toSearching());
    if (!core.isSearching) return null;
    const n = s.cores.length;
    const start = core.rand.nextN(n);
    for (let i = 0; i < n; i++) {
      const v = (start + i) % n;
      if (v === core.index) continue;
      const t = stealInto(s.world.machine, s.cores[v]!, core);
      if (t) return { task: t, from: 'local' };
    }
    const t = s.inject.popFront();
    return t ? this.fromInject(t) : null;
  }

  /** `run_task`: leave the searching state, poll under a fresh budget; the LIFO chain follows. */
  private runFirst(next: Next): void {
    this.transitionFromSearching();
    this.core.polledInBatch++;
    this.poll(next.task, next.from, BUDGET, 0);
  }

  private poll(task: Task, from: QueueKind, budget: number, lifoPolls: number): void {
    const r = runTask(this.sched.world, task, from, budget);
    this.phase = r === 'blocked' ? { k: 'in-poll', task, lifoPolls } : { k: 'chain', lifoPolls };
  }

  /** `run_task`'s loop: run the LIFO task while the shared budget lasts. Returns true if it polled. */
  private runLifo(lifoPolls: number): boolean {
    const s = this.sched;
    const core = this.core;
    const t = core.lifo;
    if (!t) {
      core.lifoEnabled = true;
      this.phase = { k: 'top' };
      return false;
    }
    core.lifo = null;
    if (this.thread.budgetLeft <= 0) {
      // Out of budget: the LIFO task goes to the back of the queue (no notification).
      pushBackOrOverflow(s.world.machine, s.world.profile, core, t, s.inject);
      this.phase = { k: 'top' };
      return false;
    }
    let polls = lifoPolls;
    if (s.world.profile === 'latest') {
      // At most 3 LIFO polls per run_task (#5712): the 3rd disables the slot until it is found empty.
      polls++;
      if (polls >= MAX_LIFO_POLLS_PER_TICK) core.lifoEnabled = false;
    }
    this.poll(t, 'lifo', this.thread.budgetLeft, polls);
    return true;
  }

  /** `core.is_searching`, with a `search` event when it changes (the UI shows searching workers). */
  private setSearching(on: boolean): void {
    if (this.core.isSearching === on) return;
    this.core.isSearching = on;
    this.sched.world.machine.emit('search', { core: this.core.traceId, searching: on ? 1 : 0 });
  }

  private transitionFromSearching(): void {
    const core = this.core;
    if (!core.isSearching) return;
    this.setSearching(false);
    if (this.sched.idle.fromSearching()) this.sched.notifyParked();
  }

  // ------------------------------------------------------------------------------------- parking

  /** `park_timeout(core, Some(0))` / `park_yield`: one non-blocking driver turn if the driver is free. */
  private parkYield(): void {
    const s = this.sched;
    const m = s.world.machine;
    const core = this.core;
    core.inPark = true;
    m.emit('park', { timeout: 0, core: core.traceId });
    m.spend(PARK_COST_NS);
    if (s.driverOwner === null) s.time.turn(false);
    s.wakeDeferred(this.thread, core);
    core.inPark = false;
    m.emit('unpark', { by: -1 });
    this.notifyOthersAfterPark();
  }

  /**
   * `Context::park`: give up if there is local work (`transition_to_parked`), else park: in the driver if
   * no other worker holds it, else on the condvar. Returns true if the thread blocked.
   */
  private park(): boolean {
    const s = this.sched;
    const core = this.core;
    if (core.hasLocalWork) return false;
    const last = s.idle.toParked(core.index, core.isSearching);
    this.setSearching(false);
    if (last) s.notifyIfWorkPending();
    return this.parkBlocking();
  }

  /** `Parker::park`: a stored notification returns at once; else block in the driver or on the condvar. */
  private parkBlocking(): boolean {
    const s = this.sched;
    const m = s.world.machine;
    const core = this.core;
    const time = s.time;
    core.inPark = true;
    core.unparkedBy = -1;
    const inDriver = core.parkState !== 'notified' && s.driverOwner === null;
    m.emit('park', { timeout: inDriver ? (time.parkTimeoutPeek() ?? -1) : -1, core: core.traceId });
    m.spend(PARK_COST_NS);
    if (core.parkState === 'notified') {
      core.parkState = 'empty';
      return this.finishPark(false);
    }
    const th = this.thread;
    if (inDriver) {
      s.driverOwner = core;
      core.parkState = 'parked-driver';
      const r = time.turn(true);
      if (r === 'done') return this.finishPark(true, true);
      th.status = 'parked';
      th.blockedOn = 'parked in the driver';
      th.readyAt = r.until;
    } else {
      core.parkState = 'parked-condvar';
      th.status = 'parked';
      th.blockedOn = 'parked (condvar)';
      th.readyAt = Infinity;
    }
    this.phase = { k: 'parked', inDriver };
    return true;
  }

  /**
   * The rest of `park_timeout` after the thread resumes, then `transition_from_parked`. Returns true if
   * the worker parked again (the step is over).
   */
  private finishPark(inDriver: boolean, turned = false): boolean {
    const s = this.sched;
    const m = s.world.machine;
    const core = this.core;
    if (inDriver) {
      if (!turned) s.time.afterBlockingPark();
      s.driverOwner = null;
    }
    core.parkState = 'empty';
    s.wakeDeferred(this.thread, core);
    core.inPark = false;
    m.emit('unpark', { by: core.unparkedBy });
    this.notifyOthersAfterPark();
    if (s.shuttingDown) {
      this.phase = { k: 'top' };
      return false;
    }
    // transition_from_parked: 1.24 counts only the LIFO slot as work; latest the local queue too (#5753).
    const hasWork = s.world.profile === '1.24' ? core.lifo !== null : core.hasLocalWork;
    if (hasWork) {
      this.setSearching(!s.idle.unparkById(core.index));
      this.phase = { k: 'top' };
      return false;
    }
    if (s.idle.isParked(core.index)) return this.parkBlocking();
    // Popped by `worker_to_notify`: it wakes as a searcher.
    this.setSearching(true);
    this.phase = { k: 'top' };
    return false;
  }

  /** After a park: wake a peer if this worker has stealable work and is not searching (#5753 in latest). */
  private notifyOthersAfterPark(): void {
    const core = this.core;
    if (core.isSearching) return;
    const n =
      this.sched.world.profile === '1.24'
        ? core.runQueue.length > 0
        : (core.lifo ? 1 : 0) + core.runQueue.length > 1;
    if (n) this.sched.notifyParked();
  }
}
