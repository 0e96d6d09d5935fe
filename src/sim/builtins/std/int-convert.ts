/**
 * Conversions between the numeric types that are not `as` casts (core/src/convert/num.rs): the lossless
 * `From` (`u64::from(x)`, `f64::from(3u32)`, `u32::from(true)`, `u32::from('a')`, `x.into()`) and the
 * checked `TryFrom` (`u8::try_from(300)`, `x.try_into()`) with `TryFromIntError`; and `IntErrorKind`, the
 * kinds `ParseIntError::kind()` returns. `into` / `try_into` find their target in the kind the type pass
 * gave the call (`Expr.nk`); other targets go to a program's own impls (convert.ts).
 */
import './convert';
import { F32, F64 as F64_KIND, isFloatKind, isIntKind, KIND_NAMES } from '../../../lang/types/kinds';
import { inRange, intToFloat, isInt, type Int } from '../../int';
import {
  defineConst,
  defineFn,
  defineMethods,
  findMethod,
  primitiveMethods,
  withPrefixes,
  type CallCtx,
} from '../../interp/registry';
import { deref, errVal, F64, float, okVal, RChar, REnum, RObject, type Value } from '../../values';

/** `std::num::TryFromIntError`: a value out of the target type's range. */
export class TryFromIntError extends RObject {
  typeName(): string {
    return 'TryFromIntError';
  }
  fmtDisplay(): string {
    return 'out of range integral type conversion attempted';
  }
  fmtDebug(pretty: boolean, indent = ''): string {
    return pretty ? `TryFromIntError(\n${indent}    (),\n${indent})` : 'TryFromIntError(())';
  }
  equals(o: unknown): boolean {
    return o instanceof TryFromIntError;
  }
  override isCopy(): boolean {
    return true;
  }
}

/** The integer a lossless `From` source stands for: itself, a `bool` as 0/1, a `char` as its code point. */
function fromSource(ctx: CallCtx, v: Value | undefined, target: string): Int {
  const x = v === undefined ? undefined : deref(v);
  if (isInt(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof RChar) return x.c.codePointAt(0)!;
  return ctx.interp.unsupported(
    `\`${target}::from\` of this value is not supported by Pollscope yet`,
    ctx.span,
  );
}

/** Into numeric kind `k`: an integer kind keeps the value (From is lossless), a float kind converts. */
function toKind(x: Int | F64, k: number): Value {
  if (isFloatKind(k)) return float(x instanceof F64 ? x.v : intToFloat(x, k === F32), k === F32);
  return x;
}

function tryInto(x: Int, k: number): Value {
  return !isIntKind(k) || inRange(x, k) ? okVal(x) : errVal(new TryFromIntError());
}

for (let k = 1; k <= 14; k++) {
  const t = KIND_NAMES[k]!;
  defineFn(withPrefixes(`${t}::from`, ['std', 'core']), {
    pure: true,
    call: (ctx, [v]) => {
      const x = deref(v!);
      return toKind(x instanceof F64 ? x : fromSource(ctx, x, t), k);
    },
  });
  if (!isIntKind(k)) continue;
  defineFn(withPrefixes(`${t}::try_from`, ['std', 'core']), {
    pure: true,
    call: (ctx, [v]) => tryInto(fromSource(ctx, v, t), k),
  });
}

/** The numeric kind the type pass gave a conversion call (`nk` of `Result<T, _>` is `T`'s), or 0. */
function targetKind(ctx: CallCtx): number {
  return ctx.node?.nk ?? 0;
}

// convert.ts (imported first) gave integers the `into` / `try_into` that find a program's own `From` /
// `TryFrom` impl (`let m: Meters = 5u32.into()`); a numeric target is converted here, the rest goes there.
const userInto = primitiveMethods.int.into;
const userTryInto = primitiveMethods.int.try_into;
primitiveMethods.int.into = (ctx, s, args) => {
  const k = targetKind(ctx);
  if (k || !userInto) return toKind(deref(s) as Int, k);
  return userInto(ctx, s, args);
};
const userFloatInto = findMethod(new F64(0), 'into');
defineMethods(F64, 'f64 / f32', {
  into: (ctx, s, args) => {
    const k = targetKind(ctx);
    if (isFloatKind(k) || !userFloatInto) return toKind(deref(s) as F64, k || F64_KIND);
    return userFloatInto(ctx, s, args);
  },
});
primitiveMethods.int.try_into = (ctx, s, args) => {
  const k = targetKind(ctx);
  if (isIntKind(k) || !userTryInto) return tryInto(deref(s) as Int, k);
  return userTryInto(ctx, s, args);
};

/** `std::num::IntErrorKind`: what `ParseIntError::kind()` returns, for `match e.kind() { .. }`. */
for (const variant of ['Empty', 'InvalidDigit', 'PosOverflow', 'NegOverflow', 'Zero'])
  defineConst(withPrefixes(`IntErrorKind::${variant}`, ['std::num', 'core::num']), {
    value: () => new REnum('IntErrorKind', variant, []),
  });
