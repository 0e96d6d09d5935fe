/**
 * OS threads from the program's side: `std::thread::spawn` / `sleep` / `JoinHandle::join` /
 * `thread::current()`, and tokio's `spawn_blocking` and `block_in_place`.
 *
 * `std::thread::sleep` blocks the calling *thread*: inside an async task it stalls the whole runtime
 * thread, which is the lesson it teaches.
 */
import { formatNanos } from '../../base';
import { ClosureThread } from '../blocking-pool';
import { THREAD_SPAWN_COST_NS } from '../costs';
import type { SimThread } from '../machine';
import { MultiThreadScheduler } from '../mt/scheduler';
import { Task } from '../task';
import { NONE, RDuration, RObject, UNIT, deref, errVal, okVal, some, type Value } from '../values';
import { JoinHandle } from './task';
import { defineFn, defineMethods, type CallCtx, type Gen } from './registry';
import { ErrorValue } from './sync/common';

export class StdJoinHandle extends RObject {
  constructor(
    readonly body: ClosureThread,
    readonly thread: SimThread,
  ) {
    super();
  }
  typeName(): string {
    return 'JoinHandle';
  }
  fmtDebug(): string {
    return `JoinHandle { .. }`;
  }
}

export class RThread extends RObject {
  constructor(readonly thread: SimThread) {
    super();
  }
  typeName(): string {
    return 'Thread';
  }
  fmtDebug(): string {
    const name = this.thread.rustName;
    return `Thread { id: ThreadId(${this.thread.id + 1}), name: ${name === null ? 'None' : `Some(${JSON.stringify(name)})`}, .. }`;
  }
}

export class RThreadId extends RObject {
  constructor(readonly id: number) {
    super();
  }
  typeName(): string {
    return 'ThreadId';
  }
  fmtDebug(): string {
    return `ThreadId(${this.id})`;
  }
  override isCopy(): boolean {
    return true;
  }
  equals(o: unknown): boolean {
    return o instanceof RThreadId && o.id === this.id;
  }
}

function durationNs(ctx: CallCtx, v: Value | undefined): number {
  const d = v === undefined ? undefined : deref(v);
  if (d instanceof RDuration) return d.ns;
  return ctx.interp.unsupported('expected a Duration');
}

/** `std::thread::sleep`: the thread is blocked for `d` of machine time. */
function* threadSleep(ctx: CallCtx, ns: number): Gen<Value> {
  const m = ctx.world.machine;
  const what = `std::thread::sleep(${formatNanos(ns)})`;
  m.emit('block', { until: m.current.clock + ns, what, site: ctx.span.start });
  yield { kind: 'sleep', ns, what };
  m.emit('unblock', {});
  return UNIT;
}

function* join(ctx: CallCtx, h: StdJoinHandle): Gen<Value> {
  const m = ctx.world.machine;
  while (!h.body.result) {
    m.emit('block', { until: -1, what: `joining thread ${h.thread.name}`, site: ctx.span.start });
    yield { kind: 'wait', queue: h.body.joiners, what: `joining thread ${h.thread.name}` };
    m.emit('unblock', {});
  }
  const r = h.body.result;
  return 'ok' in r ? okVal(r.ok) : errVal(new ErrorValue('Any', 'Any', [], 'Any { .. }'));
}

let stdThreads = 0;

defineFn(['std::thread::spawn'], {
  pure: true,
  call: (ctx, [f]) => {
    const m = ctx.world.machine;
    const body = new ClosureThread(ctx.world, f!);
    const t = m.spawnThread(
      'std',
      `std thread ${++stdThreads}`,
      body,
      m.current.clock + THREAD_SPAWN_COST_NS,
    );
    return new StdJoinHandle(body, t);
  },
});
defineFn(['std::thread::sleep'], {
  pure: false,
  blocks: true,
  call: (ctx, [d]) => threadSleep(ctx, durationNs(ctx, d)),
});
defineFn(['std::thread::current'], { pure: true, call: (ctx) => new RThread(ctx.world.machine.current) });
defineFn(['std::thread::yield_now'], { pure: true, call: () => UNIT });

defineMethods(StdJoinHandle, {
  join: (ctx, self) => {
    ctx.consume();
    return join(ctx, deref(self) as StdJoinHandle);
  },
  is_finished: (_ctx, self) => (deref(self) as StdJoinHandle).body.result !== null,
  thread: (_ctx, self) => new RThread((deref(self) as StdJoinHandle).thread),
});

defineMethods(RThread, {
  id: (_ctx, self) => new RThreadId((deref(self) as RThread).thread.id + 1),
  name: (_ctx, self) => {
    const name = (deref(self) as RThread).thread.rustName;
    return name === null ? NONE : some(name);
  },
});

// ---------------------------------------------------------------------------------------------- tokio

defineFn(['tokio::task::spawn_blocking'], {
  pure: true,
  call: (ctx, [f]) => {
    const w = ctx.world;
    const task = new Task(w.nextTaskId++, 'blocking', null, ctx.span.start);
    w.tasks.push(task);
    const parent = w.machine.current.currentTask;
    w.machine.emit('spawn', {
      task: task.id,
      future: -1,
      parent: parent ? parent.id : -1,
      site: ctx.span.start,
      mode: 'blocking',
    });
    const handle = new JoinHandle(w, task, ctx.span.start);
    w.blocking.spawn(task, f!);
    return handle;
  },
});

defineFn(['tokio::task::block_in_place'], {
  pure: false,
  blocks: true,
  call: (ctx, [f]) => {
    const sched = ctx.world.scheduler;
    if (!(sched instanceof MultiThreadScheduler))
      return ctx.interp.panic('can call blocking only when running on the multi-threaded runtime');
    return blockInPlace(ctx, sched, f!);
  },
});

/** Runs the closure on this thread; the worker's core carries on on another thread meanwhile. */
function* blockInPlace(ctx: CallCtx, sched: MultiThreadScheduler, f: Value): Gen<Value> {
  const exit = sched.enterBlockInPlace();
  try {
    return yield* ctx.interp.callForThread(f, []);
  } finally {
    exit?.();
    ctx.interp.dropValue(f);
  }
}
