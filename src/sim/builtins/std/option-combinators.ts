/**
 * The rest of `Option`'s and `Result`'s combinators (core/src/{option,result}.rs) beyond
 * option-result.ts: `filter`, `zip`, `or`/`or_else`/`xor`/`and`, `ok_or_else`, `map_or(_else)`,
 * `get_or_insert_with`, `take_if`, `iter`/`iter_mut`/`into_iter`, `flatten`, `transpose`, `is_none_or`,
 * `is_ok_and`/`is_err_and`, `inspect(_err)`, `as_deref`, `unzip`, and `unwrap_or_default` typed by what
 * the program says the payload is.
 */
import { ArrayPlace } from '../../interp/frame';
import { andThen, callFn } from '../../interp/iter-protocol';
import { ListIter, SliceIter } from '../../interp/iter-sources';
import { defineMethods, type CallCtx, type MethodImpl } from '../../interp/registry';
import type { NativeResult } from '../../poll';
import { deref, errVal, isCopy, NONE, okVal, REnum, RRef, RTuple, some, type Value } from '../../values';
import { defaultOf } from './default';
import { refTo } from './iter/adapters';
import { expectedType } from './iter/collect';

function enumOf(v: Value): REnum {
  return deref(v) as REnum;
}
const isSome = (e: REnum) => e.variant === 'Some' || e.variant === 'Ok';

function truth(ctx: CallCtx, v: Value): boolean {
  const b = deref(v);
  if (typeof b === 'boolean') return b;
  return ctx.interp.unsupported('the closure must return a bool');
}

/** The place holding the option (`get_or_insert_with`, `take_if`): the receiver's place or the reference's. */
function placeOf(ctx: CallCtx, self: Value) {
  if (self instanceof RRef) return self.place;
  return ctx.place ?? ctx.interp.unsupported('this method needs the Option in a variable or a field');
}

const COMBINATORS: Record<string, MethodImpl> = {
  filter: (ctx, s, [f]) => {
    const e = enumOf(s);
    ctx.consume();
    if (e.variant !== 'Some') return e;
    return andThen(callFn(ctx.interp, f!, [refTo(e.values[0]!)]), (keep) => {
      if (truth(ctx, keep)) return e;
      ctx.interp.dropValue(e.values[0]!);
      return NONE;
    });
  },
  zip: (ctx, s, [o]) => {
    const a = enumOf(s);
    const b = enumOf(o!);
    ctx.consume();
    return a.variant === 'Some' && b.variant === 'Some'
      ? some(new RTuple([a.values[0]!, b.values[0]!]))
      : NONE;
  },
  unzip: (ctx, s) => {
    const e = enumOf(s);
    ctx.consume();
    if (e.variant !== 'Some') return new RTuple([NONE, NONE]);
    const t = deref(e.values[0]!) as RTuple;
    return new RTuple([some(t.items[0]!), some(t.items[1]!)]);
  },
  or: (ctx, s, [o]) => {
    const e = enumOf(s);
    ctx.consume();
    if (isSome(e)) {
      ctx.interp.dropValue(o!);
      return e;
    }
    return o!;
  },
  or_else: (ctx, s, [f]) => {
    const e = enumOf(s);
    ctx.consume();
    if (isSome(e)) return e;
    return callFn(ctx.interp, f!, e.variant === 'Err' ? [e.values[0]!] : []);
  },
  and: (ctx, s, [o]) => {
    const e = enumOf(s);
    ctx.consume();
    if (!isSome(e)) return e;
    return o!;
  },
  xor: (ctx, s, [o]) => {
    const a = enumOf(s);
    const b = enumOf(o!);
    ctx.consume();
    if (a.variant === 'Some' && b.variant !== 'Some') return a;
    if (a.variant !== 'Some' && b.variant === 'Some') return b;
    return NONE;
  },
  ok_or_else: (ctx, s, [f]) => {
    const e = enumOf(s);
    ctx.consume();
    if (e.variant === 'Some') return okVal(e.values[0]!);
    return andThen(callFn(ctx.interp, f!, []), (err) => errVal(err));
  },
  map_or: (ctx, s, [d, f]) => {
    const e = enumOf(s);
    ctx.consume();
    if (!isSome(e)) return d!;
    ctx.interp.dropValue(d!);
    return callFn(ctx.interp, f!, [e.values[0]!]);
  },
  map_or_else: (ctx, s, [fd, f]) => {
    const e = enumOf(s);
    ctx.consume();
    if (isSome(e)) return callFn(ctx.interp, f!, [e.values[0]!]);
    return callFn(ctx.interp, fd!, e.variant === 'Err' ? [e.values[0]!] : []);
  },
  get_or_insert_with: (ctx, s, [f]) => {
    const p = placeOf(ctx, s);
    const e = enumOf(p.get());
    if (e.variant === 'Some') return new RRef(new ArrayPlace(e.values, 0), true);
    return andThen(callFn(ctx.interp, f!, []), (v) => {
      const n = some(v);
      p.set(n);
      return new RRef(new ArrayPlace(n.values, 0), true);
    });
  },
  take_if: (ctx, s, [f]) => {
    const p = placeOf(ctx, s);
    const e = enumOf(p.get());
    if (e.variant !== 'Some') return NONE;
    return andThen(callFn(ctx.interp, f!, [new RRef(new ArrayPlace(e.values, 0), true)]), (take) => {
      if (!truth(ctx, take)) return NONE;
      p.set(NONE);
      return e;
    });
  },
  iter: (_c, s) => {
    const e = enumOf(s);
    return new SliceIter(isSome(e) ? e.values : [], false);
  },
  iter_mut: (_c, s) => {
    const e = enumOf(s);
    return new SliceIter(isSome(e) ? e.values : [], true);
  },
  into_iter: (ctx, s) => {
    const e = enumOf(s);
    if (s instanceof RRef) return new SliceIter(isSome(e) ? e.values : [], s.mut);
    ctx.consume();
    return new ListIter(isSome(e) ? [e.values[0]!] : [], 'IntoIter');
  },
  flatten: (ctx, s) => {
    const e = enumOf(s);
    ctx.consume();
    return isSome(e) ? deref(e.values[0]!) : e;
  },
  /** `Option<Result<T, E>>` ↔ `Result<Option<T>, E>`. */
  transpose: (ctx, s) => {
    const e = enumOf(s);
    ctx.consume();
    if (e.enumName === 'Option') {
      if (e.variant === 'None') return okVal(NONE);
      const r = enumOf(e.values[0]!);
      return r.variant === 'Ok' ? okVal(some(r.values[0]!)) : r;
    }
    if (e.variant === 'Err') return some(e);
    const o = enumOf(e.values[0]!);
    return o.variant === 'Some' ? some(okVal(o.values[0]!)) : NONE;
  },
  is_none_or: (ctx, s, [f]) => {
    const e = enumOf(s);
    if (e.variant !== 'Some') return true;
    return callFn(ctx.interp, f!, [e.values[0]!]);
  },
  is_ok_and: (ctx, s, [f]) => {
    const e = enumOf(s);
    if (e.variant !== 'Ok') return false;
    return callFn(ctx.interp, f!, [e.values[0]!]);
  },
  is_err_and: (ctx, s, [f]) => {
    const e = enumOf(s);
    if (e.variant !== 'Err') return false;
    return callFn(ctx.interp, f!, [e.values[0]!]);
  },
  inspect: (ctx, s, [f]) => {
    const e = enumOf(s);
    ctx.consume();
    if (!isSome(e)) return e;
    return andThen(callFn(ctx.interp, f!, [refTo(e.values[0]!)]), () => e);
  },
  inspect_err: (ctx, s, [f]) => {
    const e = enumOf(s);
    ctx.consume();
    if (e.variant !== 'Err') return e;
    return andThen(callFn(ctx.interp, f!, [refTo(e.values[0]!)]), () => e);
  },
  as_deref: (_c, s) => {
    const e = enumOf(s);
    if (!isSome(e)) return e;
    const v = e.values[0]!;
    const inner = isCopy(v) ? v : new RRef(new ArrayPlace(e.values, 0), false);
    return new REnum(e.enumName, e.variant, [inner], e.names, e.def);
  },
  as_deref_mut: (_c, s) => {
    const e = enumOf(s);
    if (!isSome(e)) return e;
    return new REnum(e.enumName, e.variant, [new RRef(new ArrayPlace(e.values, 0), true)], e.names, e.def);
  },
  /** `unwrap_or_default`: the payload, or `T::default()` for the type the program names. */
  unwrap_or_default: (ctx, s) => {
    const e = enumOf(s);
    ctx.consume();
    if (isSome(e)) return e.values[0]!;
    const d: NativeResult | null = defaultOf(ctx.interp, expectedType(ctx));
    // Without a type to go by, an integer zero (the most common payload).
    return d ?? 0;
  },
};

defineMethods(REnum, 'std::option::Option / std::result::Result', COMBINATORS);
