/**
 * OS threads from the program's side: `std::thread::spawn` / `sleep` / `JoinHandle::join` /
 * `thread::current()`.
 *
 * `std::thread::sleep` blocks the calling *thread*: inside an async task it stalls the whole runtime
 * thread, which is the lesson it teaches.
 */
import { formatNanos } from '../../../base';
import { ClosureThread } from '../../blocking-pool';
import { THREAD_SPAWN_COST_NS } from '../../costs';
import { defineFn, defineMethods, type CallCtx } from '../../interp/registry';
import type { SimThread } from '../../machine';
import type { Gen } from '../../poll';
import { deref, errVal, NONE, okVal, RDuration, RObject, some, UNIT, type Value } from '../../values';
import { RPanicPayload } from './any';
import { closureArg } from '../support';

export class StdJoinHandle extends RObject {
  /** `join` was called: its result (a panic too) is the program's, not the enclosing scope's. */
  joined = false;
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
  h.joined = true;
  while (!h.body.result) {
    m.emit('block', { until: -1, what: `joining thread ${h.thread.name}`, site: ctx.span.start });
    yield { kind: 'wait', queue: h.body.joiners, what: `joining thread ${h.thread.name}` };
    m.emit('unblock', {});
  }
  const r = h.body.result;
  return 'ok' in r ? okVal(r.ok) : errVal(new RPanicPayload(r.panic, r.strPayload));
}

/** Starts an OS thread running closure `f` (`thread::spawn`, `Scope::spawn`). */
export function spawnStdThread(ctx: CallCtx, f: Value | undefined, fnName: string): StdJoinHandle {
  const m = ctx.world.machine;
  const body = new ClosureThread(ctx.world, closureArg(ctx, f, fnName));
  // Numbered within the run (a module-level counter made the second run of a program name them apart).
  const n = m.threads.filter((t) => t.kind === 'std').length + 1;
  const t = m.spawnThread('std', `std thread ${n}`, body, m.current.clock + THREAD_SPAWN_COST_NS);
  return new StdJoinHandle(body, t);
}

defineFn(['std::thread::spawn'], {
  pure: true,
  arity: 1,
  call: (ctx, [f]) => spawnStdThread(ctx, f, 'std::thread::spawn'),
});
defineFn(['std::thread::sleep'], {
  pure: false,
  blocks: true,
  call: (ctx, [d]) => threadSleep(ctx, durationNs(ctx, d)),
});
defineFn(['std::thread::current'], { pure: true, call: (ctx) => new RThread(ctx.world.machine.current) });
defineFn(['std::thread::yield_now'], { pure: true, call: () => UNIT });

defineMethods(StdJoinHandle, 'std::thread::JoinHandle', {
  join: (ctx, self) => {
    ctx.consume();
    return join(ctx, deref(self) as StdJoinHandle);
  },
  is_finished: (_ctx, self) => (deref(self) as StdJoinHandle).body.result !== null,
  thread: (_ctx, self) => new RThread((deref(self) as StdJoinHandle).thread),
});

defineMethods(RThread, 'std::thread::Thread', {
  id: (_ctx, self) => new RThreadId((deref(self) as RThread).thread.id + 1),
  name: (_ctx, self) => {
    const name = (deref(self) as RThread).thread.rustName;
    return name === null ? NONE : some(name);
  },
});
