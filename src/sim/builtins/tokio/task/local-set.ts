/**
 * `tokio::task::LocalSet` (tokio 1.24 `task/local.rs`): a set of `!Send` tasks that run on the thread that
 * drives it, inside the poll of whatever awaits it. The set has its own run queue; its tasks are polled
 * by `run_until`'s future (after the future itself) or by awaiting the set, up to 61 per tick
 * (`MAX_TASKS_PER_TICK`), each under a fresh coop budget, taking from the queue of wakes from other
 * threads every 31st time (`REMOTE_FIRST_INTERVAL`). When its tasks are woken from outside (a timer, a
 * deferred `yield_now`), the set wakes the task that drives it (its `AtomicWaker`).
 *
 * In the trace, local tasks are tasks like any other (they take task ids from the same counter), polled
 * on the thread that runs the set while that thread's own task (usually `main`) is in its poll.
 */
import { Deque } from '../../../../base';
import { SimFuture, pollChild } from '../../../future';
import { BUDGET, cancelTask, runTask, resumePoll } from '../../../harness';
import { intoFuture, registerIntoFuture } from '../../../interp/into-future';
import { defineFn, defineMethods, findMethod, type CallCtx } from '../../../interp/registry';
import type { SimThread } from '../../../machine';
import { BLOCKED, PENDING, type PollOutcome } from '../../../poll';
import { Task, type PollCx, type Scheduler } from '../../../task';
import type { QueueKind } from '../../../../trace/events';
import { deref, RObject, UNIT, type Value } from '../../../values';
import { WakerSlot } from '../../../waker';
import type { World } from '../../../world';
import { JoinHandle } from './spawn';

const MAX_TASKS_PER_TICK = 61;
const REMOTE_FIRST_INTERVAL = 31;

/** The LocalSet entered on each thread (tokio's `CURRENT` thread-local): what `task::spawn_local` uses. */
const current = new WeakMap<SimThread, LocalScheduler>();

/** The set's `Shared` + `LocalState`: its queues, its owned tasks and the waker of whoever drives it. */
class LocalScheduler implements Scheduler {
  readonly flavor = 'current_thread';
  readonly queue = new Deque<Task>();
  readonly remote = new Deque<Task>();
  readonly owned = new Set<Task>();
  readonly waker: WakerSlot;
  tickCount = 0;
  closed = false;

  constructor(
    readonly world: World,
    readonly owner: SimThread,
    readonly resource: number,
  ) {
    this.waker = new WakerSlot(resource);
  }

  /** The runtime of the thread driving it (a LocalSet can be made before any runtime exists). */
  get outer(): Scheduler {
    return this.world.scheduler;
  }

  get entered(): boolean {
    return current.get(this.world.machine.current) === this;
  }

  /** `Shared::schedule`: the local queue when entered or on the owner thread, else the remote one. */
  schedule(task: Task): void {
    const m = this.world.machine;
    if (this.closed) {
      task.refs--;
      return;
    }
    const local = this.entered || m.current === this.owner;
    (local ? this.queue : this.remote).pushBack(task);
    m.emit('schedule', { task: task.id, core: this.resource, where: 'localset' });
    this.state();
    if (!this.entered) this.waker.wake(this.world);
  }
  yieldNow(task: Task): void {
    this.schedule(task);
  }
  wakeMain(main: Task): void {
    this.outer.wakeMain(main);
  }
  defer(task: Task): void {
    this.outer.defer(task);
  }
  whereIs(task: Task): QueueKind | null {
    for (let i = 0; i < this.queue.length; i++) if (this.queue.at(i) === task) return 'localset';
    for (let i = 0; i < this.remote.length; i++) if (this.remote.at(i) === task) return 'localset';
    return null;
  }
  isLocal(thread: SimThread): boolean {
    return thread === this.owner;
  }

  state(): void {
    const n = this.queue.length + this.remote.length;
    this.world.machine.emit('resource-state', {
      resource: this.resource,
      text: `${this.owned.size} task(s), ${n} queued`,
    });
  }

  /** `next_task`: every 31st pick looks at the remote queue first. */
  nextTask(): Task | undefined {
    const tick = this.tickCount++;
    if (tick % REMOTE_FIRST_INTERVAL === 0) return this.remote.popFront() ?? this.queue.popFront();
    return this.queue.popFront() ?? this.remote.popFront();
  }

  spawn(future: SimFuture, site: number): JoinHandle {
    const w = this.world;
    const id = w.nextTaskId++;
    const task = new Task(id, 'async', future, site, id - w.mainTaskIds);
    task.sched = this;
    w.tasks.push(task);
    this.owned.add(task);
    const parent = w.machine.current.currentTask;
    w.machine.emit('spawn', {
      task: id,
      future: future.id,
      parent: parent ? parent.id : -1,
      site,
      mode: 'async',
    });
    this.schedule(task);
    return new JoinHandle(w, task, site);
  }

  /** Drops what finished from the owned list (`release`). */
  reap(task: Task): void {
    if (task.complete) this.owned.delete(task);
  }

  /** `impl Drop for LocalSet`: cancel every task not yet finished, drop the queued notifications. */
  shutdown(): void {
    if (this.closed) return;
    const prev = current.get(this.world.machine.current);
    current.set(this.world.machine.current, this);
    for (const t of [...this.owned]) if (!t.complete) cancelTask(this.world, t);
    this.owned.clear();
    this.closed = true;
    while (this.queue.popFront()) {
      /* drop the Notified */
    }
    while (this.remote.popFront()) {
      /* drop the Notified */
    }
    if (prev) current.set(this.world.machine.current, prev);
    else current.delete(this.world.machine.current);
    this.waker.clear(this.world);
    this.world.machine.emit('resource-drop', { resource: this.resource });
  }
}

/**
 * The part of a poll that runs the set's tasks (`LocalSet::tick`), resumable when a task blocks its
 * thread (`std::thread::sleep` inside a local task): the task's poll resumes, then the tick goes on.
 */
class Ticker {
  private ran = 0;
  private blocked: Task | null = null;
  constructor(private readonly sched: LocalScheduler) {}

  /** True if the tick stopped at its limit with work left, false if the queue ran dry, or BLOCKED. */
  run(): boolean | typeof BLOCKED {
    const s = this.sched;
    const w = s.world;
    const t = w.machine.current;
    const outerTask = t.currentTask;
    const outerBudget = t.budget;
    const restore = () => {
      t.currentTask = outerTask;
      t.budget = outerBudget;
    };
    for (;;) {
      let task: Task;
      let r: 'done' | 'blocked';
      if (this.blocked) {
        task = this.blocked;
        this.blocked = null;
        r = resumePoll(w, task, true);
      } else {
        if (this.ran >= MAX_TASKS_PER_TICK) {
          this.ran = 0;
          restore();
          return true;
        }
        const next = s.nextTask();
        if (!next) {
          this.ran = 0;
          restore();
          return false;
        }
        task = next;
        this.ran++;
        r = runTask(w, task, 'localset', BUDGET, true);
      }
      if (r === 'blocked') {
        this.blocked = task;
        return BLOCKED;
      }
      s.reap(task);
      s.state();
      restore();
    }
  }
}

/** Runs `f` with the set entered on this thread (`LocalSet::with`), restoring the previous one after. */
function entered<T>(s: LocalScheduler, f: () => T): T {
  const th = s.world.machine.current;
  const prev = current.get(th);
  current.set(th, s);
  try {
    return f();
  } finally {
    if (prev) current.set(th, prev);
    else current.delete(th);
  }
}

/** `RunUntil`: polls the future, then ticks the set; Ready when the future is. */
class RunUntilFuture extends SimFuture {
  private readonly ticker: Ticker;
  private ticking = false;
  constructor(
    world: World,
    private readonly sched: LocalScheduler,
    private readonly inner: SimFuture,
    site: number,
  ) {
    super(world, 'RunUntil', site);
    this.ticker = new Ticker(sched);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const s = this.sched;
    return entered(s, () => {
      if (!this.ticking) {
        s.waker.register(this.world, cx.waker);
        const r = pollChild(this.world, this, this.inner, cx);
        if (r !== PENDING) return r;
        this.ticking = true;
      }
      const more = this.ticker.run();
      if (more === BLOCKED) return BLOCKED;
      this.ticking = false;
      if (more) cx.waker.wakeByRef(this.world, s.resource);
      return PENDING;
    });
  }
  protected override onDrop(): void {
    this.inner.drop();
  }
  describeWait(): string {
    return `run_until of a LocalSet (${this.sched.owned.size} local task(s))`;
  }
}

/** Awaiting the set itself: Ready when every task spawned on it has finished. */
class LocalSetFuture extends SimFuture {
  private readonly ticker: Ticker;
  constructor(
    world: World,
    private readonly set: RLocalSet,
    site: number,
  ) {
    super(world, 'LocalSet', site);
    this.ticker = new Ticker(set.sched);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    const s = this.set.sched;
    s.waker.register(this.world, cx.waker);
    const more = entered(s, () => this.ticker.run());
    if (more === BLOCKED) return BLOCKED;
    if (more) {
      cx.waker.wakeByRef(this.world, s.resource);
      return PENDING;
    }
    return s.owned.size === 0 ? UNIT : PENDING;
  }
  protected override onDrop(): void {
    this.set.sched.shutdown();
  }
  describeWait(): string {
    return `a LocalSet (${this.set.sched.owned.size} local task(s) left)`;
  }
}

export class RLocalSet extends RObject {
  constructor(readonly sched: LocalScheduler) {
    super();
  }
  typeName(): string {
    return 'LocalSet';
  }
  fmtDebug(): string {
    return 'LocalSet';
  }
  dropValue(): void {
    this.sched.shutdown();
  }
}

const setOf = (v: Value) => deref(v) as RLocalSet;

defineFn(['tokio::task::LocalSet::new'], {
  pure: true,
  arity: 0,
  call: (ctx) => {
    const w = ctx.world;
    const res = w.newResource('local-set', 'LocalSet', ctx.span.start);
    return new RLocalSet(new LocalScheduler(w, w.machine.current, res));
  },
});

defineFn(['tokio::task::spawn_local'], {
  pure: true,
  arity: 1,
  call: (ctx, [f]) => {
    const s = current.get(ctx.world.machine.current);
    if (!s) return ctx.interp.panic('`spawn_local` called from outside of a `task::LocalSet`');
    return s.spawn(intoFuture(ctx.interp, f!, ctx.span), ctx.span.start);
  },
});

function runUntil(ctx: CallCtx, self: Value, f: Value): RunUntilFuture {
  return new RunUntilFuture(
    ctx.world,
    setOf(self).sched,
    intoFuture(ctx.interp, f, ctx.span),
    ctx.span.start,
  );
}

defineMethods(RLocalSet, 'tokio::task::LocalSet', {
  spawn_local: (ctx, self, [f]) =>
    setOf(self).sched.spawn(intoFuture(ctx.interp, f!, ctx.span), ctx.span.start),
  run_until: (ctx, self, [f]) => runUntil(ctx, self, f!),
  /** `LocalSet::block_on(&rt, f)` = `rt.block_on(self.run_until(f))`. */
  block_on: (ctx, self, [rt, f]) => {
    const block = findMethod(deref(rt!), 'block_on');
    if (!block) return ctx.interp.unsupported('`LocalSet::block_on` takes a `&Runtime`');
    return block(ctx, rt!, [runUntil(ctx, self, f!)]);
  },
});

// `local.await`: the set is a future by value.
registerIntoFuture((world, v, borrowed, site) =>
  v instanceof RLocalSet && !borrowed ? new LocalSetFuture(world, v, site) : null,
);
