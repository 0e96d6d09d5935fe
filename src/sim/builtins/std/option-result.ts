/**
 * `Option`, `Result` and `Poll`: the constructors (`Some`, `Ok`, `Poll::Ready`, `None`, ...) and their
 * methods (`unwrap`, `map`, `ok_or`, `take`, `as_ref`, ...), all on `REnum` values.
 */
import { debug } from '../../format';
import { cloneValue } from '../../interp/clone';
import { dropValue } from '../../interp/drops';
import { ArrayPlace } from '../../interp/frame';
import {
  defineConst,
  defineFn,
  defineMethods,
  withPrefixes,
  type CallCtx,
  type MethodImpl,
} from '../../interp/registry';
import {
  deref,
  errVal,
  isCopy,
  NONE,
  okVal,
  POLL_PENDING,
  pollReady,
  REnum,
  RRef,
  some,
  UNIT,
  type Value,
} from '../../values';
import { callClosure, pure, str } from '../support';

function enumOf(v: Value): REnum {
  return deref(v) as REnum;
}
function viaRef(self: Value): boolean {
  return self instanceof RRef;
}

function payloadRef(e: REnum, mut: boolean): Value {
  const v = e.values[0]!;
  return isCopy(v) ? v : new RRef(new ArrayPlace(e.values, 0), mut);
}

defineConst(['None', 'std::option::Option::None', 'Option::None', 'core::option::Option::None'], {
  value: () => NONE,
});
defineConst(withPrefixes('Poll::Pending', ['std::task', 'core::task']), { value: () => POLL_PENDING });
// The variants' constructors take their one payload (a missing one, E0061, used to build a variant of
// `undefined` that broke `{:?}` later).
defineFn(['Some', 'Option::Some', 'std::option::Option::Some'], {
  pure,
  arity: 1,
  call: (_c, [v]) => some(v!),
});
defineFn(['Ok', 'Result::Ok', 'std::result::Result::Ok'], {
  pure,
  arity: 1,
  call: (_c, [v]) => okVal(v ?? UNIT),
});
defineFn(['Err', 'Result::Err', 'std::result::Result::Err'], {
  pure,
  arity: 1,
  call: (_c, [v]) => errVal(v!),
});
defineFn(withPrefixes('Poll::Ready', ['std::task', 'core::task']), {
  pure,
  arity: 1,
  call: (_c, [v]) => pollReady(v ?? UNIT),
});

function unwrapFailed(ctx: CallCtx, e: REnum, msg: string | null): never {
  if (e.variant === 'None')
    return msg === null
      ? ctx.interp.panicStatic('called `Option::unwrap()` on a `None` value')
      : ctx.interp.panic(msg);
  const inner = debug(e.values[0]!, false);
  return ctx.interp.panic(
    msg ? `${msg}: ${inner}` : `called \`Result::unwrap()\` on an \`Err\` value: ${inner}`,
  );
}

const enumMethods: Record<string, MethodImpl> = {
  unwrap: (ctx, self) => {
    const e = enumOf(self);
    if (e.variant === 'Some' || e.variant === 'Ok' || e.variant === 'Ready') {
      if (viaRef(self)) return payloadRef(e, (self as RRef).mut);
      ctx.consume();
      return e.values[0]!;
    }
    return unwrapFailed(ctx, e, null);
  },
  expect: (ctx, self, [m]) => {
    const e = enumOf(self);
    if (e.variant === 'Some' || e.variant === 'Ok') {
      if (viaRef(self)) return payloadRef(e, (self as RRef).mut);
      ctx.consume();
      return e.values[0]!;
    }
    return unwrapFailed(ctx, e, str(m!) ?? '');
  },
  unwrap_err: (ctx, self) => {
    const e = enumOf(self);
    if (e.variant === 'Err') {
      ctx.consume();
      return e.values[0]!;
    }
    return ctx.interp.panic(
      `called \`Result::unwrap_err()\` on an \`Ok\` value: ${debug(e.values[0]!, false)}`,
    );
  },
  expect_err: (ctx, self, [m]) => {
    const e = enumOf(self);
    if (e.variant === 'Err') return e.values[0]!;
    return ctx.interp.panic(`${str(m!)}: ${debug(e.values[0]!, false)}`);
  },
  unwrap_or: (ctx, self, [d]) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Some' || e.variant === 'Ok' ? e.values[0]! : d!;
  },
  unwrap_or_default: (ctx, self) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Some' || e.variant === 'Ok' ? e.values[0]! : 0;
  },
  unwrap_or_else: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Some' || e.variant === 'Ok') return e.values[0]!;
    return callClosure(ctx, f!, e.variant === 'Err' ? [e.values[0]!] : []);
  },
  is_some: (_c, self) => enumOf(self).variant === 'Some',
  is_none: (_c, self) => enumOf(self).variant === 'None',
  is_ok: (_c, self) => enumOf(self).variant === 'Ok',
  is_err: (_c, self) => enumOf(self).variant === 'Err',
  is_ready: (_c, self) => enumOf(self).variant === 'Ready',
  is_pending: (_c, self) => enumOf(self).variant === 'Pending',
  ok: (ctx, self) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Ok' ? some(e.values[0]!) : NONE;
  },
  err: (ctx, self) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Err' ? some(e.values[0]!) : NONE;
  },
  /** `Option::take`: leaves `None` in the place. */
  take: (ctx, self) => {
    const e = enumOf(self);
    const p = ctx.place && !(self instanceof RRef) ? ctx.place : self instanceof RRef ? self.place : null;
    if (!p) return ctx.interp.unsupported('`take()` needs a place (a variable or a field)');
    p.set(NONE);
    return e;
  },
  replace: (ctx, self, [v]) => {
    const e = enumOf(self);
    const p = self instanceof RRef ? self.place : ctx.place;
    if (!p) return ctx.interp.unsupported('`replace()` needs a place');
    p.set(some(v!));
    return e;
  },
  insert: (ctx, self, [v]) => {
    const p = self instanceof RRef ? self.place : ctx.place;
    if (!p) return ctx.interp.unsupported('`insert()` needs a place');
    const old = deref(p.get());
    const e = some(v!);
    p.set(e);
    dropValue(ctx.interp, old);
    return new RRef(new ArrayPlace(e.values, 0), true);
  },
  get_or_insert: (ctx, self, [v]) => {
    const p = self instanceof RRef ? self.place : ctx.place;
    let e = enumOf(self);
    if (e.variant === 'None') {
      e = some(v!);
      p!.set(e);
    }
    return new RRef(new ArrayPlace(e.values, 0), true);
  },
  as_ref: (_ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    const p = new ArrayPlace(e.values, 0);
    const inner = isCopy(e.values[0]!) ? e.values[0]! : new RRef(p, false);
    return new REnum(e.enumName, e.variant, [inner], e.names, e.def);
  },
  as_mut: (_ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    return new REnum(e.enumName, e.variant, [new RRef(new ArrayPlace(e.values, 0), true)], e.names, e.def);
  },
  map: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Some' || e.variant === 'Ok' || e.variant === 'Ready') {
      return (function* () {
        const v = yield* callClosure(ctx, f!, [e.values[0]!]);
        return new REnum(e.enumName, e.variant, [v], null, e.def);
      })();
    }
    return e;
  },
  map_err: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Err') {
      return (function* () {
        const v = yield* callClosure(ctx, f!, [e.values[0]!]);
        return errVal(v);
      })();
    }
    return e;
  },
  and_then: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Some' || e.variant === 'Ok') return callClosure(ctx, f!, [e.values[0]!]);
    return e;
  },
  ok_or: (ctx, self, [err]) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Some' ? okVal(e.values[0]!) : errVal(err!);
  },
  is_some_and: (ctx, self, [f]) => {
    const e = enumOf(self);
    if (e.variant !== 'Some') return false;
    return callClosure(ctx, f!, [e.values[0]!]);
  },
  cloned: (ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    return new REnum(e.enumName, e.variant, [cloneValue(ctx.interp, deref(e.values[0]!))], e.names, e.def);
  },
  copied: (_ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    return new REnum(e.enumName, e.variant, [deref(e.values[0]!)], e.names, e.def);
  },
};
defineMethods(REnum, 'std::option::Option / std::result::Result', enumMethods);
