/**
 * `std::thread::scope` (library/std/src/thread/scoped.rs): threads spawned with `Scope::spawn` may borrow
 * the caller's locals, because `scope` does not return before every one of them has finished. A scoped
 * thread that panicked and was never joined makes `scope` panic ("a scoped thread panicked") once they
 * are all done; a panic of the closure itself is resumed after the wait.
 */
import { defineFn, defineMethods, type CallCtx } from '../../interp/registry';
import { RustPanic } from '../../panic';
import type { Gen } from '../../poll';
import { deref, RObject, type Value } from '../../values';
import { callClosure, closureArg } from '../support';
import { spawnStdThread, type StdJoinHandle } from './thread';

export class RScope extends RObject {
  readonly handles: StdJoinHandle[] = [];
  typeName(): string {
    return 'Scope';
  }
  fmtDebug(): string {
    return `Scope { num_running_threads: ${this.handles.filter((h) => !h.body.result).length}, .. }`;
  }
}

function* scope(ctx: CallCtx, f: Value): Gen<Value> {
  const s = new RScope();
  let result: Value | undefined;
  let panic: RustPanic | null = null;
  try {
    result = yield* callClosure(ctx, f, [s]);
  } catch (e) {
    if (!(e instanceof RustPanic)) throw e;
    panic = e;
  }
  const m = ctx.world.machine;
  for (const h of s.handles) {
    while (!h.body.result) {
      const what = `the end of thread::scope (waiting for ${h.thread.name})`;
      m.emit('block', { until: -1, what, site: ctx.span.start });
      yield { kind: 'wait', queue: h.body.joiners, what };
      m.emit('unblock', {});
    }
  }
  if (panic) throw panic;
  if (s.handles.some((h) => !h.joined && h.body.result !== null && 'panic' in h.body.result))
    return ctx.interp.panic('a scoped thread panicked');
  return result!;
}

defineFn(['std::thread::scope'], {
  pure: false,
  blocks: true,
  arity: 1,
  call: (ctx, [f]) => scope(ctx, closureArg(ctx, f, 'std::thread::scope')),
});

defineMethods(RScope, 'std::thread::Scope', {
  /** `Scope::spawn`: a thread that may borrow from outside the scope; returns a `ScopedJoinHandle`. */
  spawn: (ctx, self, [f]) => {
    const sc = deref(self);
    if (!(sc instanceof RScope)) return ctx.interp.unsupported('expected a thread Scope', ctx.span);
    const h = spawnStdThread(ctx, f, 'Scope::spawn');
    sc.handles.push(h);
    return h;
  },
});
