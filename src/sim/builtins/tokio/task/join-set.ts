/**
 * `tokio::task::JoinSet` (spec §9.4): tasks spawned into a set; `join_next` returns them in the order they
 * *finished* (their completion wakes the set, which queues them FIFO). Dropping the set aborts every task
 * in it — unlike a bare JoinHandle, which detaches.
 */
import { SimFuture } from '../../../future';
import { abortTask, type Task, Waker, type PollCx } from '../../../task';
import { NONE, REnum, RObject, UNIT, deref, some, type Value } from '../../../values';
import { WakerSlot } from '../../../waker';
import type { WakeOp } from '../../../task';
import type { World } from '../../../world';
import { intoFuture } from '../../../interp/into-future';
import { AbortHandle, JoinHandle } from './spawn';
import { spawnBlockingOn } from './blocking';
import { closureArg } from '../../support';
import { defineFn, defineMethods, type CallCtx } from '../../../interp/registry';
import { PENDING, type PollOutcome } from '../../../poll';

class Entry {
  constructor(
    readonly task: Task,
    readonly handle: JoinHandle,
  ) {}
}

/** The JoinHandle waker of a task in a set: its completion moves the entry to the notified list. */
class EntryWaker extends Waker {
  constructor(
    private readonly set: RJoinSet,
    private readonly entry: Entry,
    owner: Task,
  ) {
    super(owner, true);
  }
  override wakeByRef(world: World, _resource: number): void {
    this.set.entryNotified(world, this.entry);
  }
  override wake(world: World, _resource: number, _op?: WakeOp): void {
    this.set.entryNotified(world, this.entry);
  }
  override drop(): void {}
  override willWake(): boolean {
    return true;
  }
}

export class RJoinSet extends RObject {
  private idle: Entry[] = [];
  private notified: Entry[] = [];
  readonly waker: WakerSlot;
  readonly resource: number;
  private dropped = false;

  constructor(
    private readonly world: World,
    site: number,
  ) {
    super();
    this.resource = world.newResource('joinset', 'JoinSet', site);
    this.waker = new WakerSlot(this.resource);
  }
  typeName(): string {
    return 'JoinSet';
  }
  fmtDebug(): string {
    return `JoinSet { len: ${this.len} }`;
  }
  get len(): number {
    return this.idle.length + this.notified.length;
  }

  spawn(fut: SimFuture, site: number): AbortHandle {
    const task = this.world.spawnTask(fut, site);
    return this.adopt(new JoinHandle(this.world, task, site));
  }

  /** Puts a spawned task's JoinHandle in the set (`spawn`, `spawn_blocking`); returns its AbortHandle. */
  adopt(handle: JoinHandle): AbortHandle {
    const task = handle.task;
    const entry = new Entry(task, handle);
    this.idle.push(entry);
    // The set's entry waker takes the place of a task waker in the JoinHandle (JOIN_WAKER).
    task.storedJoinWaker = new EntryWaker(this, entry, task);
    task.joinWaker = true;
    this.state();
    return new AbortHandle(task);
  }

  /** `detach_all`: every task keeps running, unjoined (their JoinHandles are dropped). */
  detachAll(): void {
    const entries = [...this.idle, ...this.notified];
    this.idle = [];
    this.notified = [];
    for (const e of entries) e.handle.drop();
    this.state();
  }

  entryNotified(world: World, entry: Entry): void {
    const i = this.idle.indexOf(entry);
    if (i < 0) return;
    this.idle.splice(i, 1);
    this.notified.push(entry);
    this.state();
    this.waker.wake(world);
  }

  /** `poll_join_next`. */
  pollJoinNext(cx: PollCx): PollOutcome {
    const entry = this.notified[0];
    if (!entry) {
      if (this.idle.length === 0) return NONE;
      this.waker.register(this.world, cx.waker);
      return PENDING;
    }
    const r = entry.handle.poll(cx);
    if (r === PENDING) {
      // Budget exhausted: try again later.
      cx.waker.wakeByRef(this.world, this.resource);
      return PENDING;
    }
    this.notified.shift();
    entry.handle.drop();
    this.state();
    return some(r as Value);
  }

  abortAll(): void {
    for (const e of [...this.idle, ...this.notified]) abortTask(this.world, e.task);
  }

  dropValue(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.abortAll();
    for (const e of [...this.idle, ...this.notified]) e.handle.drop();
    this.idle = [];
    this.notified = [];
    this.world.machine.emit('resource-drop', { resource: this.resource });
  }

  private state(): void {
    this.world.machine.emit('resource-state', {
      resource: this.resource,
      text: `${this.len} task${this.len === 1 ? '' : 's'}, ${this.notified.length} finished`,
    });
  }
}

/** `JoinSet::shutdown`: `abort_all`, then `join_next` until the set is empty. */
class ShutdownFuture extends SimFuture {
  private aborted = false;
  constructor(
    world: World,
    readonly set: RJoinSet,
    site: number,
  ) {
    super(world, 'Shutdown', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    if (!this.aborted) {
      this.aborted = true;
      this.set.abortAll();
    }
    for (;;) {
      const r = this.set.pollJoinNext(cx);
      if (r === PENDING) return PENDING;
      if (r === NONE) return UNIT;
      if (r instanceof REnum) this.world.interp.dropValue(r);
    }
  }
  describeWait(): string {
    return 'the tasks of a JoinSet being shut down';
  }
}

class JoinNextFuture extends SimFuture {
  constructor(
    world: World,
    readonly set: RJoinSet,
    site: number,
  ) {
    super(world, 'JoinNext', site);
  }
  protected pollInner(cx: PollCx): PollOutcome {
    return this.set.pollJoinNext(cx);
  }
  describeWait(): string {
    return 'the next task of a JoinSet to finish';
  }
}

function setOf(ctx: CallCtx, v: Value): RJoinSet {
  const s = deref(v);
  if (s instanceof RJoinSet) return s;
  return ctx.interp.unsupported('expected a JoinSet');
}

defineFn(['tokio::task::JoinSet::new', 'tokio::task::JoinSet::default'], {
  pure: true,
  call: (ctx) => new RJoinSet(ctx.world, ctx.span.start),
});

defineMethods(RJoinSet, 'tokio::task::JoinSet', {
  spawn: (ctx, self, [f]) => setOf(ctx, self).spawn(intoFuture(ctx.interp, f!, ctx.span), ctx.span.start),
  spawn_blocking: (ctx, self, [f]) => {
    if (ctx.world.profile === '1.24')
      return ctx.interp.unsupported(
        '`JoinSet::spawn_blocking` does not exist in tokio 1.24 (it arrived in 1.28, tokio #5612)',
        ctx.span,
        'run with the latest profile',
      );
    closureArg(ctx, f, 'JoinSet::spawn_blocking');
    return setOf(ctx, self).adopt(spawnBlockingOn(ctx, null, f!));
  },
  detach_all: (ctx, self) => {
    setOf(ctx, self).detachAll();
    return UNIT;
  },
  shutdown: (ctx, self) => new ShutdownFuture(ctx.world, setOf(ctx, self), ctx.span.start),
  join_next: (ctx, self) => new JoinNextFuture(ctx.world, setOf(ctx, self), ctx.span.start),
  len: (ctx, self) => setOf(ctx, self).len,
  is_empty: (ctx, self) => setOf(ctx, self).len === 0,
  abort_all: (ctx, self) => {
    setOf(ctx, self).abortAll();
    return UNIT;
  },
});
