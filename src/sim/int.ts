/**
 * Exact integers of every Rust kind (`i8`..`u128`, `isize`/`usize`) with Rust's overflow rules.
 *
 * An integer value is a JS number while it is a safe integer (|x| < 2^53, the common, fast case) and a
 * `bigint` only beyond that: the representation is canonical (`norm`), so `===`, `Map` keys and `Set`s treat
 * a value the same however it was computed. The kind comes from the type pass (`Expr.nk`, lang/types):
 * kind 0 ("unknown": the pass could not see the type) is exact and never reports an overflow.
 *
 * Operations return the result, or a string: Rust's panic message (`attempt to add with overflow`), which
 * the caller raises at its own span. Returning the message keeps the hot path free of closures.
 */
import { KIND_BITS, isSigned } from '../lang/types/kinds';

export type Int = number | bigint;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The canonical form of an exact integer: a number when it is safe, else a bigint. */
export function norm(b: bigint): Int {
  return b >= -SAFE && b <= SAFE ? Number(b) : b;
}

export function big(x: Int): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

export function isInt(x: unknown): x is Int {
  return typeof x === 'number' || typeof x === 'bigint';
}

/** Bounds per kind as bigints (index 0, unknown: none). */
export const MIN_B: (bigint | null)[] = KIND_BITS.map((bits, k) =>
  k === 0 || k > 12 ? null : isSigned(k) ? -(1n << BigInt(bits - 1)) : 0n,
);
export const MAX_B: (bigint | null)[] = KIND_BITS.map((bits, k) =>
  k === 0 || k > 12 ? null : isSigned(k) ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n,
);
/** Bounds per kind as numbers, for checking safe results: ±Infinity where every safe integer fits. */
export const MIN_N: number[] = MIN_B.map((b) => (b === null || b < -SAFE ? -Infinity : Number(b)));
export const MAX_N: number[] = MAX_B.map((b) => (b === null || b > SAFE ? Infinity : Number(b)));

/** `T::MIN` / `T::MAX` of an integer kind, canonical. */
export const kindMin = (k: number): Int => norm(MIN_B[k]!);
export const kindMax = (k: number): Int => norm(MAX_B[k]!);

/** True if `x` is within the range of kind `k` (always for unknown). */
export function inRange(x: Int, k: number): boolean {
  if (typeof x === 'number') return x >= MIN_N[k]! && x <= MAX_N[k]!;
  const lo = MIN_B[k];
  return lo === null || lo === undefined || (x >= lo && x <= MAX_B[k]!);
}

/** Truncates an exact integer to kind `k`, two's complement (`as` between integers, `wrapping_*`). */
export function wrap(x: Int, k: number): Int {
  if (k === 0 || k > 12) return x;
  if (typeof x === 'number') {
    switch (KIND_BITS[k]) {
      case 8:
        return isSigned(k) ? (x << 24) >> 24 : x & 0xff;
      case 16:
        return isSigned(k) ? (x << 16) >> 16 : x & 0xffff;
      case 32:
        return isSigned(k) ? x | 0 : x >>> 0;
    }
    if (x >= MIN_N[k]! && x <= MAX_N[k]!) return x;
  }
  const bits = KIND_BITS[k]!;
  return norm(isSigned(k) ? BigInt.asIntN(bits, big(x)) : BigInt.asUintN(bits, big(x)));
}

// ---------------------------------------------------------------------------------------------- arithmetic

const ADD_OVERFLOW = 'attempt to add with overflow';
const SUB_OVERFLOW = 'attempt to subtract with overflow';
const MUL_OVERFLOW = 'attempt to multiply with overflow';
export const NEG_OVERFLOW = 'attempt to negate with overflow';
export const DIV_ZERO = 'attempt to divide by zero';
export const REM_ZERO = 'attempt to calculate the remainder with a divisor of zero';

/** The exact result of `a op b` for `+ - *` (no range check). */
export function exact(op: string, a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    // `+ 0` turns the -0 of `0 * -5` into 0: integers have no negative zero.
    const r = op === '+' ? a + b : op === '-' ? a - b : a * b + 0;
    if (Number.isSafeInteger(r)) return r;
  }
  const x = big(a);
  const y = big(b);
  return norm(op === '+' ? x + y : op === '-' ? x - y : x * y);
}

/**
 * `a op b` for an integer binary operator in kind `k`, as compiled with overflow checks: the result, or the
 * panic message. `<<`/`>>` take any integer kind on the right (Rust allows it).
 */
export function intBinary(op: string, a: Int, b: Int, k: number): Int | string {
  switch (op) {
    case '+':
    case '-':
    case '*': {
      const r = exact(op, a, b);
      if (inRange(r, k)) return r;
      return op === '+' ? ADD_OVERFLOW : op === '-' ? SUB_OVERFLOW : MUL_OVERFLOW;
    }
    case '/':
      if (b === 0) return DIV_ZERO;
      if (b === -1 && isSigned(k) && a === kindMin(k)) return 'attempt to divide with overflow';
      return quotient(a, b);
    case '%':
      if (b === 0) return REM_ZERO;
      if (b === -1 && isSigned(k) && a === kindMin(k))
        return 'attempt to calculate the remainder with overflow';
      return remainder(a, b);
    case '&':
    case '|':
    case '^':
      return bitwise(op, a, b);
    case '<<':
    case '>>':
      return shift(op, a, b, k);
  }
  return `no integer operator \`${op}\``;
}

/** Truncating division (Rust's `/`); `b` is not zero. */
export function quotient(a: Int, b: Int): Int {
  // Exact: `a % b` is exact in floating point and `a - a % b` a multiple of `b`.
  if (typeof a === 'number' && typeof b === 'number') return (a - (a % b)) / b + 0;
  return norm(big(a) / big(b));
}

/** Remainder with the sign of the dividend (Rust's `%`); `b` is not zero. */
export function remainder(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r === 0 ? 0 : r; // never -0
  }
  return norm(big(a) % big(b));
}

function bitwise(op: string, a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b)
    return op === '&' ? a & b : op === '|' ? a | b : a ^ b;
  // Infinite-precision two's complement: exact for operands of one kind.
  const x = big(a);
  const y = big(b);
  return norm(op === '&' ? x & y : op === '|' ? x | y : x ^ y);
}

function shift(op: string, a: Int, b: Int, k: number): Int | string {
  const known = k !== 0 && k <= 12;
  // Every kind is at most 128 bits wide, so a larger amount overflows whatever the (unknown) kind is.
  if (b < 0 || b >= 128 || (known && b >= KIND_BITS[k]!))
    return op === '<<' ? 'attempt to shift left with overflow' : 'attempt to shift right with overflow';
  const n = Number(b);
  if (op === '>>') {
    // Arithmetic shift: exact for a safe integer, since dividing by a power of two is exact.
    if (typeof a === 'number') return Math.floor(a / 2 ** n) + 0;
    return norm(a >> BigInt(n));
  }
  // `<<` never reports lost bits, only a too-large shift amount: the result wraps to the kind.
  if (typeof a === 'number') {
    const r = a * 2 ** n + 0;
    if (Number.isSafeInteger(r)) return known ? wrap(r, k) : r;
  }
  const r = norm(big(a) << BigInt(n));
  return known ? wrap(r, k) : r;
}

/** `-x` in kind `k`. */
export function intNeg(x: Int, k: number): Int | string {
  if (isSigned(k) && x === kindMin(k)) return NEG_OVERFLOW;
  if (typeof x === 'number') return x === 0 ? 0 : -x;
  return norm(-x);
}

/** `!x` in kind `k`: the bitwise complement (for an unknown kind, as a signed integer). */
export function intNot(x: Int, k: number): Int {
  if (k !== 0 && k <= 12 && !isSigned(k)) return norm(MAX_B[k]! - big(x));
  if (typeof x === 'number') return -x - 1;
  return norm(-x - 1n);
}

/** Exact `base ^ exp` (exp >= 0). */
export function intPow(base: Int, exp: number): Int {
  if (typeof base === 'number') {
    const r = base ** exp;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(base) ** BigInt(exp));
}

/** Compares two integers: negative, zero or positive (number and bigint mix freely). */
export function intCmp(a: Int, b: Int): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------- casts

/** `x as T` from an integer to the integer kind `k`. */
export function castIntToInt(x: Int, k: number): Int {
  return wrap(x, k);
}

/** `f as T` from a float to an integer kind: truncates, saturates at the bounds, NaN is 0. */
export function castFloatToInt(f: number, k: number): Int {
  if (Number.isNaN(f)) return 0;
  const t = Math.trunc(f);
  const lo = MIN_B[k];
  if (lo === null || lo === undefined) return Number.isSafeInteger(t) ? t : norm(BigInt(t));
  if (t <= Number(lo)) return norm(lo);
  const hi = MAX_B[k]!;
  if (t >= Number(hi)) return norm(hi);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : norm(BigInt(t));
}

/** An integer as an f64 (round to nearest), or as an f32. */
export function intToFloat(x: Int, f32: boolean): number {
  const v = Number(x);
  return f32 ? Math.fround(v) : v;
}

// ---------------------------------------------------------------------------------------------- text

/** Two's complement bits used to print a negative value of an unknown kind in hex/octal/binary. */
function widthForNegative(x: Int): number {
  if (x >= -(2 ** 31)) return 32;
  if (x >= -(2n ** 63n)) return 64;
  return 128;
}

/** `{:x}` / `{:o}` / `{:b}` digits: negative values in two's complement of the kind's width. */
export function intToRadix(x: Int, radix: number, k: number): string {
  if (x >= 0) return x.toString(radix);
  const bits = k !== 0 && k <= 12 ? KIND_BITS[k]! : widthForNegative(x);
  return BigInt.asUintN(bits, big(x)).toString(radix);
}
