/**
 * `Into` and `TryInto` through the program's own `From` / `TryFrom` impls (`core/src/convert/mod.rs`: `impl<T,
 * U: From<T>> Into<U> for T`): `c.into()` finds the `impl From<C> for Target` for the value's type — the
 * target named by the annotation where the program gives one, else the only impl that fits — and, with no
 * such impl, the value converts to itself (`T: From<T>`, an error into `Box<dyn Error>`).
 */
import type { Type } from '../../../lang/ast';
import { defineMethods, primitiveMethods, type CallCtx, type MethodImpl } from '../../interp/registry';
import type { NativeResult } from '../../poll';
import { deref, RObject, RRef, RStruct, TempPlace, type Value } from '../../values';

/**
 * Runs the program's `impl Trait for T` fn `method` (a static one: `FromStr::from_str`, `Sum::sum`) when
 * `ty` — the type rustc infers for the call, `Result<T, _>` unwrapped — is a type with such an impl;
 * null otherwise (the builtin behaviour applies).
 */
export function viaUserImpl(
  ctx: CallCtx,
  ty: Type | null,
  trait: string,
  method: string,
  args: Value[],
): NativeResult | null {
  if (ty?.k === 'path' && ty.segs[ty.segs.length - 1] === 'Result' && ty.args[0]) ty = ty.args[0];
  if (!ty || ctx.interp.program.impls.length === 0) return null;
  const t = ctx.interp.traits;
  const key = t.keyOfType(ty);
  if (key === null) return null;
  for (const r of t.implsOf(key, trait)) {
    const fn = r.item.fns.find((f) => f.name === method);
    if (fn) return ctx.interp.callFnItem(fn, args, null, r.selfKey);
  }
  return null;
}

/** The target of a conversion where the program wrote it (`let f: Fahrenheit = c.into()`). */
function expectedKey(ctx: CallCtx, unwrapResult: boolean): string | null {
  let ty = (ctx.node as { expectTy?: Type } | null)?.expectTy ?? null;
  if (ty && unwrapResult && ty.k === 'path' && ty.segs[ty.segs.length - 1] === 'Result')
    ty = ty.args[0] ?? null;
  return ty ? ctx.interp.traits.keyOfType(ty) : null;
}

/** Runs the program's `Trait::method` from the one impl of `trait` that converts `v` (and targets `target`). */
function convertByImpl(
  ctx: CallCtx,
  v: Value,
  trait: 'From' | 'TryFrom',
  method: string,
  target: string | null,
) {
  const x = deref(v);
  const t = ctx.interp.traits;
  const fits = t
    .allImplsOf(trait)
    .filter((r) => (target === null || r.selfKey === target) && t.argMatches(r, 0, x));
  if (fits.length !== 1 && !(target !== null && fits.length > 0)) return null;
  const fn = fits[0]!.item.fns.find((f) => f.name === method);
  return fn ? ctx.interp.callFnItem(fn, [v], null, fits[0]!.selfKey) : null;
}

/** `v.into()` through the program's `impl From<V> for Target`, or null when none converts `v`. */
export function intoByImpl(ctx: CallCtx, v: Value): NativeResult | null {
  return convertByImpl(ctx, v, 'From', 'from', expectedKey(ctx, false));
}

const into: MethodImpl = (ctx, self) => {
  ctx.consume();
  return convertByImpl(ctx, self, 'From', 'from', expectedKey(ctx, false)) ?? deref(self);
};

const tryInto: MethodImpl = (ctx, self) => {
  ctx.consume();
  const r = convertByImpl(ctx, self, 'TryFrom', 'try_from', expectedKey(ctx, true));
  if (r !== null) return r;
  return ctx.interp.unsupported(
    'Pollscope cannot tell which type this `try_into()` converts to',
    ctx.span,
    'call `Target::try_from(value)`',
  );
};

defineMethods(RObject, 'std::convert::Into / std::convert::TryInto', { into, try_into: tryInto });
for (const table of [primitiveMethods.int, primitiveMethods.bool]) {
  table['into'] ??= into;
  table['try_into'] ??= tryInto;
}
primitiveMethods.str['try_into'] ??= tryInto;

/**
 * `Box<T>` / `Arc<T>` / `Rc<T>` as `AsRef<T>` / `AsMut<T>`: the simulator holds a boxed struct as the struct
 * itself, so `boxed.as_ref()` (a `&dyn Trait` out of a `Box<dyn Trait>`) is a reference to it. A program's
 * own `impl AsRef` is found before these.
 */
defineMethods(RStruct, 'std::convert::AsRef / std::convert::AsMut', {
  as_ref: (ctx, self) => new RRef(ctx.place ?? new TempPlace(deref(self)), false),
  as_mut: (ctx, self) => new RRef(ctx.place ?? new TempPlace(deref(self)), true),
});
