/**
 * `std::task::Context` and `Waker` as values a user's `impl Future` sees: `cx.waker()`, `.clone()`,
 * `.wake()`, `.wake_by_ref()`, `.will_wake(..)`.
 */
import { RContext } from '../../interp/into-future';
import { defineMethods, takes } from '../../interp/registry';
import { Waker } from '../../task';
import { deref, RRef, TempPlace, UNIT } from '../../values';
import type { World } from '../../world';
import { argOf } from '../support';

defineMethods(RContext, 'std::task::Context', {
  // `&Waker`: borrowed from the Context (a temporary `cx.waker()` must not drop the program's waker).
  waker: (_ctx, self) => new RRef(new TempPlace((deref(self) as RContext).cx.waker), false),
});

/** The resource id wakes from user code report: none (user state is not a tokio resource). */
const USER = -1;

defineMethods(Waker, 'std::task::Waker', {
  clone: (ctx, self) => (self as Waker).clone(ctx.world),
  wake: (ctx, self) => {
    ctx.consume();
    (self as Waker).wake(ctx.world, USER);
    return UNIT;
  },
  wake_by_ref: (ctx, self) => {
    (self as Waker).wakeByRef(ctx.world, USER);
    return UNIT;
  },
  will_wake: takes(1, (ctx, self, [other]) =>
    (self as Waker).willWake(argOf(ctx, other, Waker, 'Waker::will_wake', '`&Waker`')),
  ),
});

/** Dropping an owned waker releases its task reference. */
(Waker.prototype as unknown as { dropValue: (this: Waker, i: { world: World }) => void }).dropValue =
  function (interp) {
    this.drop(interp.world);
  };

/** `Clone` (a struct holding a waker, a clone through `&Waker`): the waker's own clone. */
(Waker.prototype as unknown as { cloneValue: (this: Waker, w: World) => Waker }).cloneValue = function (
  world,
) {
  return this.clone(world);
};
