/**
 * tokio's blocking pool (`runtime/blocking/pool.rs`, spec §6.1) and plain OS threads (`std::thread::spawn`).
 *
 * `spawn_blocking` queues a task FIFO; an idle pool thread takes it, or a new thread starts (up to 512).
 * An idle thread waits up to 10 s for work, then exits. A blocking task runs its closure to completion with
 * no coop budget; finishing wakes the JoinHandle's waker *from the pool thread*, so the awaiting task is
 * scheduled remotely (inject queue + driver unpark). With a paused clock, a blocking task in flight
 * inhibits auto-advance (test-util). Aborting a blocking task only works before it starts.
 */
import { Deque } from '../base';
import { THREAD_SPAWN_COST_NS } from './costs';
import { completeTask } from './harness';
import { WaitQueue, type SimThread, type ThreadBody } from './machine';
import { JoinError, Task, markQueued, takeQueued } from './task';
import type { Value } from './values';
import type { World } from './world';
import type { Gen } from './poll';
import type { TimeDriver } from './time-driver';
import { RustPanic } from './panic';

export const MAX_BLOCKING_THREADS = 512;
export const KEEP_ALIVE_NS = 10e9;

interface BlockingJob {
  task: Task;
  closure: Value;
}

export class BlockingPool {
  readonly queue = new Deque<BlockingJob>();
  readonly threads: SimThread[] = [];
  idle = 0;
  /** Wakeups handed to idle threads (`num_notify`). */
  notify = 0;
  /** Jobs started and not yet finished. */
  running = 0;
  shutdown = false;
  readonly condvar = new WaitQueue();
  /** The runtime's shutdown waits here for running jobs to finish. */
  readonly drained = new WaitQueue();
  /** Builder's `max_blocking_threads`. */
  cap = MAX_BLOCKING_THREADS;
  /** Added to the lanes' names of a second, third… runtime (` (runtime 2)`). */
  laneSuffix = '';
  /** The runtime this pool belongs to (its threads' `thread-start`; its queue is core `-runtimeId`). */
  runtimeId = 1;
  /** Builder's `thread_name` (null: `tokio-runtime-worker`). */
  threadName: string | null = null;
  /** Gives each new pool thread the runtime's handle context (sim/rt/runtime.ts). */
  onThreadStart: ((t: SimThread) => void) | null = null;

  constructor(
    private readonly world: World,
    /** The runtime's driver (auto-advance of a paused clock waits for blocking tasks). */
    private readonly time: TimeDriver,
  ) {}

  get busy(): boolean {
    return this.running > 0;
  }

  spawn(task: Task, closure: Value): void {
    const m = this.world.machine;
    // `BlockingSchedule::new` inhibits auto-advance on a current_thread runtime, paused or not.
    this.time.inhibit++;
    this.queue.pushBack({ task, closure });
    markQueued(task, m.current);
    m.emit('schedule', { task: task.id, core: -this.runtimeId, where: 'blocking' });
    if (this.idle === 0) {
      if (this.threads.length < this.cap) {
        const body = new PoolThread(this.world, this);
        const t = m.spawnThread(
          'blocking',
          `tokio-runtime-worker (blocking ${this.threads.length + 1})${this.laneSuffix}`,
          body,
          m.current.clock + THREAD_SPAWN_COST_NS,
          this.runtimeId,
        );
        body.thread = t;
        t.threadName = this.threadName;
        this.onThreadStart?.(t);
        this.threads.push(t);
      }
      // Otherwise the job waits in the queue for a busy thread to finish.
    } else {
      this.idle--;
      this.notify++;
      this.condvar.notifyOne(m);
    }
  }

  /** Runtime shutdown: queued jobs that never started are cancelled; running ones finish. */
  close(): void {
    this.shutdown = true;
    for (let j = this.queue.popFront(); j; j = this.queue.popFront()) {
      this.finished(j.task);
      completeTask(this.world, j.task, { err: new JoinError(j.task.tokioId, 'cancelled') });
    }
    this.condvar.notifyAll(this.world.machine);
  }

  finished(_task: Task): void {
    this.time.inhibit--;
  }
}

/** One blocking-pool thread: run queued jobs; when idle, wait up to the keep-alive, then exit. */
class PoolThread implements ThreadBody {
  thread!: SimThread;
  private job: { task: Task; gen: Gen<Value>; closure: Value } | null = null;
  private waiting = false;

  constructor(
    private readonly world: World,
    private readonly pool: BlockingPool,
  ) {}

  describe(): string {
    return this.job ? `running spawn_blocking task ${this.job.task.id}` : 'idle in the blocking pool';
  }

  step(thread: SimThread): void {
    const m = this.world.machine;
    const pool = this.pool;
    if (this.waiting) {
      this.waiting = false;
      if (pool.notify > 0) {
        pool.notify--;
      } else {
        // Timed out (keep-alive) or shut down: leave the pool.
        pool.idle--;
        pool.threads.splice(pool.threads.indexOf(thread), 1);
        m.exitThread(thread);
        return;
      }
    }
    if (!this.job) {
      const next = pool.queue.popFront();
      if (next) takeQueued(next.task, thread);
      if (!next) {
        if (pool.shutdown) {
          pool.threads.splice(pool.threads.indexOf(thread), 1);
          m.exitThread(thread);
          return;
        }
        pool.idle++;
        this.waiting = true;
        m.block(thread, {
          kind: 'wait',
          queue: pool.condvar,
          what: 'idle in the blocking pool',
          timeoutNs: KEEP_ALIVE_NS,
        });
        thread.status = 'parked';
        return;
      }
      const task = next.task;
      if (task.cancelled) {
        pool.finished(task);
        completeTask(this.world, task, { err: new JoinError(task.tokioId, 'cancelled') });
        return;
      }
      task.started = true;
      task.running = true;
      pool.running++;
      m.emit('poll', { task: task.id, future: -1, from: 'blocking' });
      this.job = { task, gen: this.world.interp.callForThread(next.closure, []), closure: next.closure };
    }
    const job = this.job;
    thread.currentTask = job.task;
    thread.budget = null;
    let r: IteratorResult<unknown, Value>;
    try {
      r = job.gen.next();
    } catch (e) {
      if (!(e instanceof RustPanic)) throw e;
      thread.currentTask = null;
      this.world.interp.reportPanic(e);
      this.done(job.task, { err: new JoinError(job.task.tokioId, 'panic', e.message, e.strPayload) });
      return;
    }
    if (!r.done) {
      m.block(thread, r.value as never);
      return;
    }
    thread.currentTask = null;
    this.done(job.task, { ok: r.value });
  }

  private done(task: Task, out: { ok: Value } | { err: JoinError }): void {
    if (this.job) this.world.interp.dropValue(this.job.closure);
    this.job = null;
    this.pool.running--;
    this.pool.finished(task);
    completeTask(this.world, task, out);
    if (this.pool.running === 0) this.pool.drained.notifyAll(this.world.machine);
  }
}

/** A `std::thread::spawn` thread: runs its closure; `join()` waits for it. */
export class ClosureThread implements ThreadBody {
  result: { ok: Value } | { panic: string; strPayload: boolean } | null = null;
  readonly joiners = new WaitQueue();
  private gen: Gen<Value> | null = null;

  constructor(
    private readonly world: World,
    private readonly closure: Value,
  ) {}

  describe(): string {
    return this.result ? 'finished' : 'running its closure';
  }

  step(thread: SimThread): void {
    const m = this.world.machine;
    this.gen ??= this.world.interp.callForThread(this.closure, []);
    let r: IteratorResult<unknown, Value>;
    try {
      r = this.gen.next();
    } catch (e) {
      if (!(e instanceof RustPanic)) throw e;
      this.world.interp.reportPanic(e);
      this.world.interp.dropValue(this.closure);
      this.result = { panic: e.message, strPayload: e.strPayload };
      this.joiners.notifyAll(m);
      m.exitThread(thread);
      return;
    }
    if (!r.done) {
      m.block(thread, r.value as never);
      return;
    }
    // The thread owned the closure (FnOnce): it and what it captured are dropped when it returns.
    this.world.interp.dropValue(this.closure);
    this.result = { ok: r.value };
    this.joiners.notifyAll(m);
    m.exitThread(thread);
  }
}

export { Task };
