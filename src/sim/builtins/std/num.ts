/** Integers (`u8`..`i128`, `MAX` / `MIN`, checked / saturating / wrapping arithmetic, ...), `bool` and `f64`. */
import { display } from '../../format';
import { compare, equals } from '../../interp/ops';
import {
  defineConst,
  defineMethods,
  primitiveMethods,
  withPrefixes,
  type MethodImpl,
} from '../../interp/registry';
import { deref, F64, NONE, RString, some } from '../../values';
import { orderingOf } from './clone-cmp';

const INT_TYPES = ['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize'];
const INT_MAX: Record<string, number> = {
  u8: 255,
  u16: 65535,
  u32: 4294967295,
  u64: 2 ** 64 - 1,
  u128: 2 ** 128 - 1,
  usize: 2 ** 64 - 1,
  i8: 127,
  i16: 32767,
  i32: 2147483647,
  i64: 2 ** 63 - 1,
  i128: 2 ** 127 - 1,
  isize: 2 ** 63 - 1,
};
for (const t of INT_TYPES) {
  defineConst(withPrefixes(`${t}::MAX`, ['std', 'core']), { value: () => INT_MAX[t]! });
  defineConst(withPrefixes(`${t}::MIN`, ['std', 'core']), {
    value: () => (t.startsWith('u') ? 0 : -INT_MAX[t]! - 1),
  });
}

Object.assign(primitiveMethods.int, {
  abs: (_c, s) => Math.abs(deref(s) as number),
  pow: (_c, s, [e]) => (deref(s) as number) ** (deref(e!) as number),
  min: (_c, s, [o]) => Math.min(deref(s) as number, deref(o!) as number),
  max: (_c, s, [o]) => Math.max(deref(s) as number, deref(o!) as number),
  clone: (_c, s) => deref(s),
  to_string: (_c, s) => new RString(display(s)),
  wrapping_add: (_c, s, [o]) => (deref(s) as number) + (deref(o!) as number),
  wrapping_sub: (_c, s, [o]) => (deref(s) as number) - (deref(o!) as number),
  wrapping_mul: (_c, s, [o]) => (deref(s) as number) * (deref(o!) as number),
  saturating_sub: (_c, s, [o]) => Math.max(0, (deref(s) as number) - (deref(o!) as number)),
  saturating_add: (_c, s, [o]) => (deref(s) as number) + (deref(o!) as number),
  checked_add: (_c, s, [o]) => some((deref(s) as number) + (deref(o!) as number)),
  checked_sub: (_c, s, [o]) => {
    const r = (deref(s) as number) - (deref(o!) as number);
    return r < 0 ? NONE : some(r);
  },
  checked_div: (_c, s, [o]) =>
    (deref(o!) as number) === 0 ? NONE : some(Math.trunc((deref(s) as number) / (deref(o!) as number))),
  is_positive: (_c, s) => (deref(s) as number) > 0,
  is_negative: (_c, s) => (deref(s) as number) < 0,
  count_ones: (_c, s) => (deref(s) as number).toString(2).replace(/0/g, '').length,
  cmp: (ctx, s, [o]) => orderingOf(compare(s, o!, (m) => ctx.interp.panic(m))),
  eq: (_c, s, [o]) => equals(s, o!),
} satisfies Record<string, MethodImpl>);

Object.assign(primitiveMethods.bool, {
  clone: (_c, s) => deref(s),
  to_string: (_c, s) => new RString(display(s)),
  then_some: (_c, s, [v]) => ((deref(s) as boolean) ? some(v!) : NONE),
} satisfies Record<string, MethodImpl>);

defineMethods(F64, {
  sqrt: (_c, s) => new F64(Math.sqrt((deref(s) as F64).v)),
  abs: (_c, s) => new F64(Math.abs((deref(s) as F64).v)),
  round: (_c, s) => new F64(Math.round((deref(s) as F64).v)),
  floor: (_c, s) => new F64(Math.floor((deref(s) as F64).v)),
  ceil: (_c, s) => new F64(Math.ceil((deref(s) as F64).v)),
  min: (_c, s, [o]) => new F64(Math.min((deref(s) as F64).v, (deref(o!) as F64).v)),
  max: (_c, s, [o]) => new F64(Math.max((deref(s) as F64).v, (deref(o!) as F64).v)),
});
