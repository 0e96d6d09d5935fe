/**
 * The std side of hand-written executors: `Waker::from(Arc<impl Wake>)` (and `arc.into()`),
 * `Waker::noop()`, `Context::from_waker(&waker)`, `Future::poll` / `Pin::as_mut` / `Pin::set` on the
 * simulated futures, `poll` on a oneshot `Receiver`, and the waker methods of a program's own waker
 * (`wake` may run the program's `Wake::wake`, which may block: called from program code it can).
 */
import { SimFuture } from '../../future';
import {
  defineFn,
  defineMethods,
  findMethod,
  takes,
  userFuturePoll,
  withPrefixes,
  type CallCtx,
} from '../../interp/registry';
import type { Gen } from '../../poll';
import { Waker } from '../../task';
import { deref, REnum, RRef, RStruct, TempPlace, UNIT, type Value } from '../../values';
import { OneshotReceiver } from '../tokio/sync/oneshot';
import { intoFuture, UserFuture } from '../../interp/into-future';
import { RArc } from '../std/sync/arc';
import { asMut, pinSet, pollByProgram, UserContext } from './user-poll';
import { targetOfArc, UserWaker, WakeTarget } from './user-waker';

const TASK = ['std::task', 'core::task'];

function arcOfWake(ctx: CallCtx, v: Value | undefined, fn: string): RArc {
  const a = v === undefined ? undefined : deref(v);
  if (a instanceof RArc) return a;
  return ctx.interp.unsupported(`\`${fn}\` takes an \`Arc<T>\` where \`T: Wake\``);
}

/** Does the Arc hold a value of a type with `impl Wake`? */
function isWake(ctx: CallCtx, a: RArc): boolean {
  const f = ctx.interp.traits.forValue(a.inner.value, 'wake');
  return f?.k === 'fn' && f.impl?.traitKey === 'Wake';
}

/** `impl<W: Wake + Send + Sync + 'static> From<Arc<W>> for Waker`. */
defineFn(withPrefixes('Waker::from', TASK), {
  pure: false,
  arity: 1,
  call: (ctx, [a]) => {
    const arc = arcOfWake(ctx, a, 'Waker::from');
    return new UserWaker(targetOfArc('wake', arc, ctx.interp), arc, true);
  },
});

/** `Waker::noop()`: a `&'static Waker` that does nothing (a target per call: no state shared across runs). */
defineFn(withPrefixes('Waker::noop', TASK), {
  pure: true,
  arity: 0,
  call: () => new RRef(new TempPlace(new UserWaker(new WakeTarget('noop', null, null), null, false)), false),
});

/** `Context::from_waker(&waker)`. */
defineFn(withPrefixes('Context::from_waker', TASK), {
  pure: true,
  arity: 1,
  call: (ctx, [w]) => {
    const waker = deref(w!);
    if (!(waker instanceof Waker)) return ctx.interp.unsupported('`Context::from_waker` takes a `&Waker`');
    return new UserContext(waker);
  },
});

// `arc.into()` where the Arc holds an `impl Wake` type: a Waker (`let w: Waker = arc.into()`).
defineMethods(RArc, 'std::sync::Arc', {
  into: (ctx, self) => {
    const arc = deref(self) as RArc;
    if (isWake(ctx, arc)) {
      ctx.consume();
      return new UserWaker(targetOfArc('wake', arc, ctx.interp), arc, true);
    }
    const generic = findMethod(UNIT, 'into')!;
    return generic(ctx, self, []);
  },
});

/** `Waker::wake` / `wake_by_ref` of a program's waker: runs its `Wake` impl on this thread. */
defineMethods(UserWaker, 'std::task::Waker', {
  wake: (ctx, self) => {
    ctx.consume();
    return (deref(self) as UserWaker).wakeGen(ctx.world, -1, true);
  },
  wake_by_ref: (ctx, self) => (deref(self) as UserWaker).wakeGen(ctx.world, -1, false),
});

// `Future::poll` called by the program on a simulated future, through `Pin<&mut F>` / `Pin<Box<F>>`.
const poll = takes(1, (ctx, self, [cx]) => pollByProgram(ctx, deref(self) as SimFuture, cx!));
defineMethods(SimFuture, 'std::pin::Pin / std::future::Future', {
  poll,
  as_mut: (ctx, self) => asMut(ctx, self),
  set: takes(1, (ctx, self, [v]) => pinSet(ctx, self, v!)),
});
// A program's own future type behind a `Pin<Box<dyn Future>>`: `as_mut()` is the place it lives in.
defineMethods(RStruct, 'std::pin::Pin', { as_mut: (ctx, self) => asMut(ctx, self) });
const enumAsMut = findMethod(new REnum('Option', 'None', []), 'as_mut');
defineMethods(REnum, 'std::option::Option / std::pin::Pin', {
  as_mut: (ctx, self, args) => {
    const e = deref(self) as REnum;
    if (e.def !== null && ctx.interp.program.futureImpls.has(e.def.key ?? e.def.name))
      return asMut(ctx, self);
    return enumAsMut ? enumAsMut(ctx, self, args) : ctx.interp.unsupported('no method `as_mut` on this enum');
  },
});

/** The future a `Receiver` is while the program polls it (one per receiver, so its waker stays registered). */
const receiverFutures = new WeakMap<OneshotReceiver, SimFuture>();
defineMethods(OneshotReceiver, 'tokio::sync::oneshot::Receiver', {
  poll: takes(1, (ctx, self, [cx]): Gen<Value> => {
    const rx = deref(self) as OneshotReceiver;
    let f = receiverFutures.get(rx);
    if (!f || f.done) {
      f = intoFuture(ctx.interp, new RRef(new TempPlace(rx), true), ctx.span);
      receiverFutures.set(rx, f);
    }
    return pollByProgram(ctx, f, cx!);
  }),
});

/**
 * The program's own `impl Future` type polled by its own executor from outside any task: a user task on
 * screen like any other future it polls (one `UserFuture` per value while it is not Ready).
 */
const ownFutures = new WeakMap<object, UserFuture>();
userFuturePoll.hook = (ctx, self, [cx]) => {
  const rc = cx === undefined ? null : deref(cx);
  if (!(rc instanceof UserContext) || !(rc.userWaker instanceof UserWaker)) return null;
  if (ctx.world.machine.current.currentTask !== null) return null;
  const value = deref(self);
  if (!(value instanceof RStruct || value instanceof REnum)) return null;
  let f = ownFutures.get(value);
  if (!f || f.done) {
    const place = self instanceof RRef ? self : new RRef(new TempPlace(value), true);
    f = new UserFuture(ctx.world, ctx.interp, value, place);
    ownFutures.set(value, f);
  }
  return pollByProgram(ctx, f, cx!);
};
