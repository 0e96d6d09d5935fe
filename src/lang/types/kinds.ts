/**
 * Numeric kinds: the primitive integer and float types as small numbers, so that the type pass can annotate
 * an expression with the kind of its value (`Expr.nk`) and the interpreter can read it with no type work at
 * run time. 0 means "not known": the value is exact but no overflow check or width-dependent result applies.
 */

export const NK_UNKNOWN = 0;
export const I8 = 1;
export const I16 = 2;
export const I32 = 3;
export const I64 = 4;
export const I128 = 5;
export const ISIZE = 6;
export const U8 = 7;
export const U16 = 8;
export const U32 = 9;
export const U64 = 10;
export const U128 = 11;
export const USIZE = 12;
export const F32 = 13;
export const F64 = 14;

/** Names by kind (index 0 unused). */
export const KIND_NAMES = [
  '',
  'i8',
  'i16',
  'i32',
  'i64',
  'i128',
  'isize',
  'u8',
  'u16',
  'u32',
  'u64',
  'u128',
  'usize',
  'f32',
  'f64',
] as const;

const BY_NAME = new Map<string, number>(KIND_NAMES.map((n, i) => [n, i]));

/** The kind of a primitive numeric type name (`u8`, `f64`), or 0. */
export function numKindOf(name: string): number {
  return name === '' ? 0 : (BY_NAME.get(name) ?? 0);
}

export function isIntKind(k: number): boolean {
  return k >= I8 && k <= USIZE;
}

export function isFloatKind(k: number): boolean {
  return k === F32 || k === F64;
}

export function isSigned(k: number): boolean {
  return k >= I8 && k <= ISIZE;
}

/** Bit width of an integer kind (`isize`/`usize` are 64-bit, as on the machines the recordings come from). */
export const KIND_BITS = [0, 8, 16, 32, 64, 128, 64, 8, 16, 32, 64, 128, 64, 32, 64] as const;

/** The unsigned kind of the same width (`i32` → `u32`): what `abs_diff` and `unsigned_abs` return. */
export function unsignedOf(k: number): number {
  return isSigned(k) ? k + 6 : k;
}
