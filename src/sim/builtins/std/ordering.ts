/**
 * `std::cmp`: `Ordering`'s methods (`then`, `then_with`, `reverse`, `is_lt` …), `std::cmp::Reverse` (a
 * tuple struct whose order is its payload's reversed: a `BinaryHeap` of `Reverse` is a min-heap), and the
 * `cmp` / `partial_cmp` / comparisons of `&str` and `bool`, which are primitives here.
 */
import { callFn } from '../../interp/iter-protocol';
import { compare, equals } from '../../interp/ops';
import {
  defineFn,
  defineMethods,
  primitiveMethods,
  withPrefixes,
  type MethodImpl,
} from '../../interp/registry';
import { deref, REnum, some, type Value } from '../../values';
import { orderingOf } from './clone-cmp';
import { orderingSign } from './slice';

/** Methods of `Ordering` values (an `REnum` named `Ordering`); other enums do not have them. */
function ordering(
  name: string,
  f: (sign: number, ctx: Parameters<MethodImpl>[0], args: Value[]) => ReturnType<MethodImpl>,
): MethodImpl {
  return (ctx, self, args) => {
    const o = deref(self);
    if (!(o instanceof REnum) || o.enumName !== 'Ordering')
      return ctx.interp.unsupported(
        `no method \`${name}\` on a value of type \`${o instanceof REnum ? o.typeName() : typeof o}\` in Pollscope`,
      );
    return f(orderingSign(ctx.interp, o), ctx, args);
  };
}

defineMethods(REnum, 'std::cmp::Ordering', {
  then: ordering('then', (s, _ctx, [o]) => (s !== 0 ? orderingOf(s) : deref(o!))),
  then_with: ordering('then_with', (s, ctx, [f]) => (s !== 0 ? orderingOf(s) : callFn(ctx.interp, f!, []))),
  reverse: ordering('reverse', (s) => orderingOf(-s)),
  is_lt: ordering('is_lt', (s) => s < 0),
  is_le: ordering('is_le', (s) => s <= 0),
  is_gt: ordering('is_gt', (s) => s > 0),
  is_ge: ordering('is_ge', (s) => s >= 0),
  is_eq: ordering('is_eq', (s) => s === 0),
  is_ne: ordering('is_ne', (s) => s !== 0),
});

/** `std::cmp::Reverse(x)`: an enum-like value so `Reverse(x)` patterns and `.0` both work. */
export function reverseOf(v: Value): REnum {
  return new REnum('Reverse', 'Reverse', [v]);
}
defineFn(['std::cmp::Reverse', 'core::cmp::Reverse', 'cmp::Reverse'], {
  pure: true,
  call: (_c, [v]) => reverseOf(v!),
});

/** `Ord` / `PartialOrd` / `PartialEq` methods of the primitive `&str` and `bool`. */
const cmpMethods: Record<string, MethodImpl> = {
  cmp: (ctx, s, [o]) => orderingOf(compare(s, o!, (m) => ctx.interp.panic(m))),
  partial_cmp: (ctx, s, [o]) => some(orderingOf(compare(s, o!, (m) => ctx.interp.panic(m)))),
  lt: (ctx, s, [o]) => compare(s, o!, (m) => ctx.interp.panic(m)) < 0,
  le: (ctx, s, [o]) => compare(s, o!, (m) => ctx.interp.panic(m)) <= 0,
  gt: (ctx, s, [o]) => compare(s, o!, (m) => ctx.interp.panic(m)) > 0,
  ge: (ctx, s, [o]) => compare(s, o!, (m) => ctx.interp.panic(m)) >= 0,
  eq: (_c, s, [o]) => equals(s, o!),
  ne: (_c, s, [o]) => !equals(s, o!),
  max: (ctx, s, [o]) => (compare(o!, s, (m) => ctx.interp.panic(m)) >= 0 ? o! : s),
  min: (ctx, s, [o]) => (compare(o!, s, (m) => ctx.interp.panic(m)) < 0 ? o! : s),
};
for (const [k, m] of Object.entries(cmpMethods)) {
  primitiveMethods.str[k] ??= m;
  primitiveMethods.bool[k] ??= m;
}

/** `std::cmp::max` / `min` (core/src/cmp.rs): on a tie `max` returns its second argument, `min` its first. */
defineFn(withPrefixes('cmp::max', ['std', 'core']), {
  pure: true,
  call: (ctx, [a, b]) => (compare(a!, b!, (m) => ctx.interp.panic(m)) > 0 ? a! : b!),
});
defineFn(withPrefixes('cmp::min', ['std', 'core']), {
  pure: true,
  call: (ctx, [a, b]) => (compare(a!, b!, (m) => ctx.interp.panic(m)) <= 0 ? a! : b!),
});
