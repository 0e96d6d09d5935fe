/**
 * Methods every value has in the subset: `clone` (through references and guards), `to_string`, `to_owned`,
 * `eq` / `cmp` / `partial_cmp`, and `std::cmp::Ordering`.
 */
import { display } from '../../format';
import { cloneValue } from '../../interp/clone';
import { compare, equals } from '../../interp/ops';
import { defineConst, defineMethods, takes, withPrefixes, type CallCtx } from '../../interp/registry';
import { deref, REnum, RObject, RString, some, type Place, type Value } from '../../values';

/** `x.clone()` auto-derefs through references and guards to the first type that is Clone. */
function cloneThrough(ctx: CallCtx, v: Value): Value {
  let x = deref(v);
  for (let i = 0; i < 16 && typeof x === 'object'; i++) {
    if (typeof (x as { cloneValue?: unknown }).cloneValue === 'function') break;
    const p = (x as { derefPlace?: () => Place | null }).derefPlace?.call(x);
    if (!p) break;
    x = deref(p.get());
  }
  return cloneValue(ctx.interp, x);
}

defineMethods(
  RObject,
  'std::clone::Clone / std::string::ToString / std::borrow::ToOwned / std::cmp::PartialEq / std::cmp::Ord',
  {
    clone: (ctx, self) => cloneThrough(ctx, self),
    to_string: (_c, self) => new RString(display(self)),
    to_owned: (ctx, self) => cloneThrough(ctx, self),
    eq: (_c, self, [o]) => equals(self, o!),
    ne: (_c, self, [o]) => !equals(self, o!),
    cmp: (ctx, self, [o]) => orderingOf(compare(self, o!, (m) => ctx.interp.panic(m))),
    partial_cmp: (ctx, self, [o]) => some(orderingOf(compare(self, o!, (m) => ctx.interp.panic(m)))),
    // `Ord::max` / `min` / `clamp` (core::cmp): `max` keeps the second of two equal values, `min` the first.
    max: takes(1, (ctx, self, [o]) => (compare(o!, self, (m) => ctx.interp.panic(m)) >= 0 ? o! : self)),
    min: takes(1, (ctx, self, [o]) => (compare(o!, self, (m) => ctx.interp.panic(m)) < 0 ? o! : self)),
    clamp: takes(2, (ctx, self, [lo, hi]) => {
      const p = (m: string) => ctx.interp.panic(m);
      if (compare(lo!, hi!, p) > 0) return p('assertion failed: min <= max');
      return compare(self, lo!, p) < 0 ? lo! : compare(self, hi!, p) > 0 ? hi! : self;
    }),
  },
);

export function orderingOf(c: number): Value {
  return new REnum('Ordering', c < 0 ? 'Less' : c > 0 ? 'Greater' : 'Equal', []);
}
defineConst(withPrefixes('Ordering::Less', ['std::cmp', 'core::cmp']), { value: () => orderingOf(-1) });
defineConst(withPrefixes('Ordering::Equal', ['std::cmp', 'core::cmp']), { value: () => orderingOf(0) });
defineConst(withPrefixes('Ordering::Greater', ['std::cmp', 'core::cmp']), { value: () => orderingOf(1) });
