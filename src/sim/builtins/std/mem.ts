/**
 * `Box` and `Pin` (transparent: the simulator has no addresses to protect), `drop`, `std::mem::{replace,
 * take, swap}`, and the Pin projections used inside `impl Future`.
 */
import { dropValue } from '../../interp/drops';
import { derefPlaceOf } from '../../interp/frame';
import {
  defineFn,
  defineMethods,
  findMethod,
  withPrefixes,
  type CallCtx,
  type MethodImpl,
} from '../../interp/registry';
import type { Gen } from '../../poll';
import { deref, NONE, REnum, RRef, RString, RStruct, RTuple, RVec, UNIT, type Value } from '../../values';
import { pure } from '../support';

// Box and Pin are transparent: the simulator has no addresses to protect.
defineFn(withPrefixes('Box::new', ['std::boxed']), { pure, call: (_c, [v]) => v! });
defineFn(withPrefixes('Box::pin', ['std::boxed']), { pure, call: (_c, [v]) => v! });
defineFn(withPrefixes('Pin::new', ['std::pin', 'core::pin']), { pure, call: (_c, [v]) => v! });
defineFn(withPrefixes('Pin::new_unchecked', ['std::pin', 'core::pin']), { pure, call: (_c, [v]) => v! });

/** A value whose drop blocks the thread (a tokio `Runtime` waits for its blocking jobs and workers). */
interface BlockingDrop {
  dropAndWait(ctx: CallCtx): Gen<Value>;
}

defineFn(['drop', 'std::mem::drop', 'core::mem::drop', 'mem::drop'], {
  // Not pure: dropping a runtime blocks the calling thread.
  pure: false,
  call: (ctx, [v]) => {
    const x = v!;
    if (typeof x === 'object' && typeof (x as Partial<BlockingDrop>).dropAndWait === 'function')
      return (x as unknown as BlockingDrop).dropAndWait(ctx);
    dropValue(ctx.interp, x);
    return UNIT;
  },
});
defineFn(['std::mem::replace', 'mem::replace', 'core::mem::replace'], {
  pure,
  call: (ctx, [dest, v]) => {
    const r = dest as RRef;
    if (!(r instanceof RRef))
      return ctx.interp.unsupported('`mem::replace` takes `&mut place` as its first argument');
    const old = r.place.get();
    r.place.set(v!);
    return old;
  },
});
defineFn(['std::mem::take', 'mem::take', 'core::mem::take'], {
  pure,
  call: (ctx, [dest]) => {
    const r = dest as RRef;
    if (!(r instanceof RRef)) return ctx.interp.unsupported('`mem::take` takes `&mut place`');
    const old = r.place.get();
    const x = deref(old);
    r.place.set(
      x instanceof REnum && x.enumName === 'Option'
        ? NONE
        : x instanceof RVec
          ? new RVec([])
          : x instanceof RString
            ? new RString('')
            : 0,
    );
    return old;
  },
});
defineFn(['std::mem::swap', 'mem::swap', 'core::mem::swap'], {
  pure,
  call: (ctx, [a, b]) => {
    if (!(a instanceof RRef) || !(b instanceof RRef))
      return ctx.interp.unsupported('`mem::swap` takes two `&mut` places');
    const x = a.place.get();
    a.place.set(b.place.get());
    b.place.set(x);
    return UNIT;
  },
});

/**
 * `Pin::as_mut` / `get_mut` / `get_ref` are identity on the reference that stands for the pin, unless the
 * referenced value has a method of that name itself: `(&mut map).get_mut(k)`, `opt_ref.as_mut()`,
 * `cell_ref.get_mut()` are the value's own methods (a `&mut T` is not a `Pin`).
 */
function pinOrOwn(name: string): MethodImpl {
  return (ctx, s, args) => {
    // `as_mut` is also `Pin::as_mut` on a program's own futures: only Option / Result's is theirs.
    if (name === 'as_mut') {
      const x = s instanceof RRef ? s.place.get() : undefined;
      if (!(x instanceof REnum && x.def === null)) return s;
    }
    // Through the reference, then through what derefs (a guard, an Arc): deref coercion of `&mut`.
    let place = s instanceof RRef ? s.place : null;
    for (let depth = 0; place && depth < 8; depth++) {
      const inner = place.get();
      if (typeof inner !== 'object' || inner instanceof RRef) break;
      if (inner instanceof RStruct || (inner instanceof REnum && inner.def)) {
        const found = ctx.interp.traits.forValue(inner, name);
        if (found?.k === 'fn' && found.fn.selfMode !== null)
          return ctx.interp.callFnItem(found.fn, args, new RRef(place, true), found.selfKey);
      }
      const own = findMethod(inner, name);
      if (own) return own({ ...ctx, place }, inner, args);
      place = derefPlaceOf(inner);
    }
    return s;
  };
}

// Pin projections used inside `impl Future`: identity on references (see pinOrOwn).
const pinMethods: Record<string, MethodImpl> = {
  as_mut: pinOrOwn('as_mut'),
  get_mut: pinOrOwn('get_mut'),
  get_ref: pinOrOwn('get_ref'),
  // The `unsafe` projections of hand-written futures: the pin is the reference itself here.
  get_unchecked_mut: (_c, s) => s,
  into_ref: (_c, s) => s,
  map_unchecked_mut: (ctx, s, [f]) => ctx.interp.callValue(f!, [s], ctx.span),
  map_unchecked: (ctx, s, [f]) => ctx.interp.callValue(f!, [s], ctx.span),
};
defineMethods(RRef, 'std::pin::Pin', pinMethods);

defineMethods(RStruct, {});
defineMethods(RTuple, {});
