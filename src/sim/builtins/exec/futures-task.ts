/**
 * The executor side of the `futures` crate (0.3.21): `futures::task::{waker, waker_ref, noop_waker,
 * noop_waker_ref}` (with `impl ArcWake for T`) and `futures::executor::block_on`.
 *
 * `block_on` (futures-executor `local_pool.rs run_executor`) polls the future on the calling thread with a
 * waker that unparks that thread, and parks the thread between polls. It does not enter a tokio runtime:
 * tokio's leaf futures that need one (`sleep`) panic under it unless the program entered one
 * (`rt.enter()`), and a `block_on` inside another `block_on` on the same thread panics as futures does.
 */
import { intoFuture } from '../../interp/into-future';
import { defineFn } from '../../interp/registry';
import type { SimThread } from '../../machine';
import type { Gen } from '../../poll';
import { deref, REnum, RRef, TempPlace, type Value } from '../../values';
import { RArc } from '../std/sync/arc';
import { parkThread } from './park';
import { pollByProgram, UserContext } from './user-poll';
import { targetOfArc, UserWaker, WakeTarget } from './user-waker';

const TASK = 'futures::task';

function arcArg(v: Value | undefined): RArc | null {
  const a = v === undefined ? undefined : deref(v);
  return a instanceof RArc ? a : null;
}

/** `futures::task::waker(arc)`: an owned Waker that holds the Arc. */
defineFn([`${TASK}::waker`], {
  pure: false,
  arity: 1,
  call: (ctx, [a]) => {
    const arc = arcArg(a) ?? ctx.interp.unsupported('`waker` takes an `Arc<T>` where `T: ArcWake`');
    return new UserWaker(targetOfArc('arcwake', arc, ctx.interp), arc, true);
  },
});

/** `futures::task::waker_ref(&arc)`: a `WakerRef` borrowing the Arc (no count taken until it is cloned). */
defineFn([`${TASK}::waker_ref`], {
  pure: false,
  arity: 1,
  call: (ctx, [a]) => {
    const arc = arcArg(a) ?? ctx.interp.unsupported('`waker_ref` takes an `&Arc<T>` where `T: ArcWake`');
    return new UserWaker(targetOfArc('arcwake', arc, ctx.interp), arc, false);
  },
});

/** `noop_waker()`: an owned Waker that does nothing; `noop_waker_ref()`: a `&'static` one. */
defineFn([`${TASK}::noop_waker`], {
  pure: true,
  arity: 0,
  call: () => new UserWaker(new WakeTarget('noop', null, null), null, true),
});
defineFn([`${TASK}::noop_waker_ref`], {
  pure: true,
  arity: 0,
  call: () => new RRef(new TempPlace(new UserWaker(new WakeTarget('noop', null, null), null, false)), false),
});

/** Threads inside a `futures::executor::block_on` (futures' `enter` guard). */
const entered = new WeakSet<SimThread>();

defineFn(['futures::executor::block_on'], {
  pure: false,
  blocks: true,
  arity: 1,
  call: (ctx, [f]) => {
    const m = ctx.world.machine;
    const thread = m.current;
    if (entered.has(thread))
      return ctx.interp.panic(
        'cannot execute `LocalPool` executor from within another executor: EnterError { _priv: () }',
      );
    const fut = intoFuture(ctx.interp, f!, ctx.span);
    const waker = new UserWaker(new WakeTarget('thread', ctx.interp, thread), null, false);
    const cx = new UserContext(waker);
    return (function* (): Gen<Value> {
      entered.add(thread);
      try {
        for (;;) {
          const r = deref(yield* pollByProgram(ctx, fut, cx));
          if (r instanceof REnum && r.variant === 'Ready') return r.values[0]!;
          yield* parkThread(
            m,
            null,
            ctx.span.start,
            'futures::executor::block_on: parked until its future is woken',
          );
        }
      } finally {
        entered.delete(thread);
        fut.drop();
      }
    })();
  },
});
