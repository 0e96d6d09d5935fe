/**
 * Tasks from the program's side: `tokio::spawn`, `JoinHandle` (a future; `abort`, `is_finished`; dropping
 * it detaches), `JoinError`, and `task::yield_now` (spec §1.4, §3.1).
 */
import { SimFuture } from '../../../future';
import { abortTask, JoinError, type Task, type PollCx } from '../../../task';
import { NONE, UNIT, deref, errVal, okVal, some, type Value } from '../../../values';
import type { World } from '../../../world';
import { intoFuture } from '../../../interp/into-future';
import type { InterpCore } from '../../../interp/core';
import { pollProceed, restoreBudget } from '../../../coop';
import { defineFn, defineMethods } from '../../../interp/registry';
import { PENDING, type PollOutcome } from '../../../poll';
import { RObject } from '../../../values';
import { RPanicPayload } from '../../std/any';

/** `JoinHandle<T>`: awaiting it reads the task's output; dropping it detaches the task. */
export class JoinHandle extends SimFuture {
  readonly resource: number;

  constructor(
    world: World,
    readonly task: Task,
    site: number,
  ) {
    super(world, 'JoinHandle', site);
    this.resource = world.newResource('join', 'JoinHandle', site, task.id);
    task.joinResource = this.resource;
  }

  /** `JoinHandle::poll` → `try_read_output` (spec §1.4). */
  protected pollInner(cx: PollCx): PollOutcome {
    if (!pollProceed(this.world, cx, this.resource)) return PENDING;
    const task = this.task;
    if (task.complete) {
      const out = task.output;
      if (!out || task.outputTaken) return this.world.panic('JoinHandle polled after completion');
      task.outputTaken = true;
      task.output = null;
      return 'ok' in out ? okVal(out.ok) : errVal(out.err);
    }
    if (!task.joinWaker || !task.storedJoinWaker) {
      task.storedJoinWaker = cx.waker.clone(this.world);
      task.joinWaker = true;
      this.world.machine.emit('register', { task: cx.task.id, resource: this.resource, dir: '-' });
    } else if (!task.storedJoinWaker.willWake(cx.waker)) {
      this.world.machine.emit('deregister', {
        task: task.storedJoinWaker.task.id,
        resource: this.resource,
        dir: '-',
      });
      task.storedJoinWaker.drop(this.world);
      task.storedJoinWaker = cx.waker.clone(this.world);
      this.world.machine.emit('register', { task: cx.task.id, resource: this.resource, dir: '-' });
    }
    restoreBudget(this.world);
    return PENDING;
  }

  /** Dropping a JoinHandle detaches the task: it keeps running, and its output is dropped when it ends. */
  protected override onDrop(): void {
    const task = this.task;
    task.joinInterest = false;
    if (task.complete) {
      if (task.output && 'ok' in task.output) this.world.interp.dropValue(task.output.ok);
      task.output = null;
    } else {
      this.world.machine.emit('detach', { task: task.id });
      if (task.storedJoinWaker) {
        task.storedJoinWaker.drop(this.world);
        task.storedJoinWaker = null;
        task.joinWaker = false;
      }
    }
    task.refs--;
    this.world.machine.emit('resource-drop', { resource: this.resource });
  }

  describeWait(): string {
    return `the JoinHandle of task ${this.task.id}`;
  }

  /** The task it waits for (the deadlock report's wait-for graph). */
  waitsOnTask(): number {
    return this.task.id;
  }
}

/**
 * `AbortHandle` (`runtime/task/abort.rs`): cancels its task without owning its output; dropping it does
 * nothing to the task.
 */
export class AbortHandle extends RObject {
  constructor(readonly task: Task) {
    super();
  }
  typeName(): string {
    return 'AbortHandle';
  }
  fmtDebug(): string {
    return `AbortHandle { id: Id(${this.task.tokioId}) }`;
  }
}

/** `task::yield_now()`: Pending once, with the waker deferred until after the next driver turn. */
class YieldNow extends SimFuture {
  private yielded = false;

  constructor(world: World, site: number) {
    super(world, 'YieldNow', site);
  }

  protected pollInner(cx: PollCx): PollOutcome {
    if (this.yielded) return UNIT;
    this.yielded = true;
    this.world.scheduler.defer(cx.task);
    return PENDING;
  }

  describeWait(): string {
    return 'yield_now (the defer list)';
  }
}

defineFn(['tokio::spawn', 'tokio::task::spawn'], {
  pure: true,
  call: (ctx, [f]) => {
    const fut = intoFuture(ctx.interp, f!, ctx.span);
    const task = ctx.world.spawnTask(fut, ctx.span.start);
    return new JoinHandle(ctx.world, task, ctx.span.start);
  },
});

defineFn(['tokio::task::yield_now'], { pure: true, call: (ctx) => new YieldNow(ctx.world, ctx.span.start) });

function handleOf(v: Value): JoinHandle {
  return deref(v) as JoinHandle;
}

defineMethods(JoinHandle, 'tokio::task::JoinHandle', {
  abort: (ctx, self) => {
    abortTask(ctx.world, handleOf(self).task);
    return UNIT;
  },
  is_finished: (_c, self) => handleOf(self).task.complete,
  id: (_c, self) => handleOf(self).task.tokioId,
  abort_handle: (ctx, self) => {
    if (ctx.world.profile === '1.24')
      return ctx.interp.unsupported(
        '`JoinHandle::abort_handle` is private in tokio 1.24 (public since 1.27, tokio #5543); `JoinSet::spawn` returns an `AbortHandle`',
        ctx.span,
        'run with the latest profile',
      );
    return new AbortHandle(handleOf(self).task);
  },
});

defineMethods(AbortHandle, 'tokio::task::AbortHandle', {
  abort: (ctx, self) => {
    abortTask(ctx.world, (deref(self) as AbortHandle).task);
    return UNIT;
  },
  is_finished: (_c, self) => (deref(self) as AbortHandle).task.complete,
  id: (_c, self) => (deref(self) as AbortHandle).task.tokioId,
});

defineMethods(JoinError, 'tokio::task::JoinError', {
  is_cancelled: (_c, self) => (deref(self) as JoinError).repr === 'cancelled',
  is_panic: (_c, self) => (deref(self) as JoinError).repr === 'panic',
  /** `into_panic`: the payload; tokio panics if the task was cancelled instead. */
  into_panic: (ctx, self) => {
    const e = deref(self) as JoinError;
    if (e.repr !== 'panic') return ctx.interp.panic(`\`JoinError\` reason is not a panic.: ${e.fmtDebug()}`);
    return new RPanicPayload(e.message, e.strPayload);
  },
  try_into_panic: (_c, self) => {
    const e = deref(self) as JoinError;
    return e.repr === 'panic' ? okVal(new RPanicPayload(e.message, e.strPayload)) : errVal(e);
  },
});

export function spawnedTaskOf(interp: InterpCore, v: Value): Task | null {
  void interp;
  const x = deref(v);
  return x instanceof JoinHandle ? x.task : null;
}

export { NONE, some };
