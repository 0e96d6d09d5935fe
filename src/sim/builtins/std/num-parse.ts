/**
 * Text to numbers: `str::parse` for the numeric types (core/src/num `from_str_radix` and dec2flt's
 * grammar), `T::from_str_radix`, and their errors — `ParseIntError { kind: InvalidDigit }` and
 * `ParseFloatError { kind: Invalid }` with std's Display and Debug text.
 */
import type { Type } from '../../../lang/ast';
import { F32, isFloatKind, isIntKind, KIND_NAMES, isSigned, numKindOf } from '../../../lang/types/kinds';
import { inRange, norm } from '../../int';
import { defineFn, defineMethods, withPrefixes, type CallCtx } from '../../interp/registry';
import { deref, errVal, float, okVal, REnum, RObject, type Value } from '../../values';
import { str } from '../support';

const INT_ERROR_TEXT: Record<string, string> = {
  Empty: 'cannot parse integer from empty string',
  InvalidDigit: 'invalid digit found in string',
  PosOverflow: 'number too large to fit in target type',
  NegOverflow: 'number too small to fit in target type',
  Zero: 'number would be zero for non-zero type',
};

/** `std::num::ParseIntError`. */
export class ParseIntError extends RObject {
  constructor(readonly kind: string) {
    super();
  }
  typeName(): string {
    return 'ParseIntError';
  }
  fmtDisplay(): string {
    return INT_ERROR_TEXT[this.kind]!;
  }
  fmtDebug(pretty: boolean): string {
    return pretty ? `ParseIntError {\n    kind: ${this.kind},\n}` : `ParseIntError { kind: ${this.kind} }`;
  }
  equals(o: unknown): boolean {
    return o instanceof ParseIntError && o.kind === this.kind;
  }
  override isCopy(): boolean {
    return false;
  }
}

/** `std::num::ParseFloatError`. */
export class ParseFloatError extends RObject {
  constructor(readonly kind: 'Empty' | 'Invalid') {
    super();
  }
  typeName(): string {
    return 'ParseFloatError';
  }
  fmtDisplay(): string {
    return this.kind === 'Empty' ? 'cannot parse float from empty string' : 'invalid float literal';
  }
  fmtDebug(pretty: boolean): string {
    return pretty
      ? `ParseFloatError {\n    kind: ${this.kind},\n}`
      : `ParseFloatError { kind: ${this.kind} }`;
  }
  equals(o: unknown): boolean {
    return o instanceof ParseFloatError && o.kind === this.kind;
  }
}

defineMethods(ParseIntError, 'std::num::ParseIntError', {
  /** `ParseIntError::kind`: the `IntErrorKind`. */
  kind: (_c, s) => new REnum('IntErrorKind', (deref(s) as ParseIntError).kind, []),
});

/** `from_str_radix` for kind `k`: the value, or the error kind, checked digit by digit as core does. */
export function parseIntRadix(text: string, radix: number, k: number): Value {
  if (text === '') return errVal(new ParseIntError('Empty'));
  let i = 0;
  let negative = false;
  // An unknown kind (0) is exact and signed: `-7` parses.
  if (text[0] === '+' || (text[0] === '-' && (k === 0 || isSigned(k)))) {
    negative = text[0] === '-';
    i = 1;
    if (text.length === 1) return errVal(new ParseIntError('InvalidDigit'));
  }
  const r = BigInt(radix);
  let acc = 0n;
  for (; i < text.length; i++) {
    const d = digitValue(text.charCodeAt(i));
    if (d < 0 || d >= radix) return errVal(new ParseIntError('InvalidDigit'));
    acc = negative ? acc * r - BigInt(d) : acc * r + BigInt(d);
    if (!inRange(norm(acc), k)) return errVal(new ParseIntError(negative ? 'NegOverflow' : 'PosOverflow'));
  }
  return okVal(norm(acc));
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/** dec2flt's grammar: a sign, then `inf` / `infinity` / `nan`, or digits with an optional point and exponent. */
const FLOAT_SYNTAX = /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/i;

export function parseFloatText(text: string, f32: boolean): Value {
  if (text === '') return errVal(new ParseFloatError('Empty'));
  if (!FLOAT_SYNTAX.test(text)) return errVal(new ParseFloatError('Invalid'));
  const lower = text.toLowerCase().replace(/^\+/, '');
  const v = /inf/.test(lower)
    ? lower.startsWith('-')
      ? -Infinity
      : Infinity
    : /nan/.test(lower)
      ? NaN
      : Number(lower);
  return okVal(float(v, f32));
}

/**
 * The `T` of `s.parse::<T>()`: the turbofish, else the type the program expects the call's `Result<T, _>`
 * to have (`let r: Result<u8, _> = s.parse();`, resolver/expected-types.ts), or null.
 */
export function parseTarget(ctx: CallCtx): Type | null {
  const g = ctx.generics[0];
  if (g && g.k !== 'infer') return g;
  const node = ctx.node;
  const ty = node && node.k === 'method' ? node.expectTy : undefined;
  if (ty?.k !== 'path') return null;
  const head = ty.segs[ty.segs.length - 1];
  if (head === 'Result') return ty.args[0] ?? null;
  return null;
}

/**
 * `s.parse::<T>()` for a numeric `T`: the kind the type pass gave the call (its `Result<T, _>`), else the
 * turbofish or the expected type. With none, an integer-looking text is an exact integer and a
 * float-looking one an f64. Returns null for a target that is not numeric (the caller handles `bool`,
 * `char`, ...).
 */
export function parseNumber(ctx: CallCtx, text: string): Value | null {
  let k = ctx.node?.nk ?? 0;
  if (!k) {
    const target = parseTarget(ctx);
    k = target?.k === 'path' ? numKindOf(target.segs[target.segs.length - 1]!) : 0;
    if (target && target.k !== 'infer' && !k) return null;
  }
  if (isIntKind(k)) return parseIntRadix(text, 10, k);
  if (isFloatKind(k)) return parseFloatText(text, k === F32);
  if (/^[+-]?\d+$/.test(text)) return parseIntRadix(text, 10, 0);
  if (FLOAT_SYNTAX.test(text)) return parseFloatText(text, false);
  return errVal(new ParseIntError(text === '' ? 'Empty' : 'InvalidDigit'));
}

function fromStrRadix(ctx: CallCtx, k: number, s: Value, radix: Value): Value {
  const r = Number(deref(radix));
  if (!(r >= 2 && r <= 36))
    return ctx.interp.panic(`from_ascii_radix: radix must lie in the range \`[2, 36]\` - found ${r}`);
  return parseIntRadix(str(s) ?? '', r, k);
}

for (let k = 1; k <= 12; k++) {
  defineFn(withPrefixes(`${KIND_NAMES[k]}::from_str_radix`, ['std', 'core']), {
    pure: true,
    call: (ctx, [s, radix]) => fromStrRadix(ctx, k, s!, radix!),
  });
}

/** `FromStr::from_str` named by the type (`i32::from_str("42")` with `use std::str::FromStr`): `parse`. */
for (let k = 1; k <= 14; k++) {
  defineFn(withPrefixes(`${KIND_NAMES[k]}::from_str`, ['std', 'core']), {
    pure: true,
    call: (_c, [s]) =>
      isFloatKind(k) ? parseFloatText(str(s!) ?? '', k === F32) : parseIntRadix(str(s!) ?? '', 10, k),
  });
}
