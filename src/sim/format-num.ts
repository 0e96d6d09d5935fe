/**
 * Numbers as Rust's `core::fmt` prints them: the digits of integers (`{}`, `{:x}`, `{:o}`, `{:b}`, `{:e}`)
 * and floats (`{}` shortest round-trip and never in exponent form, `{:?}` in exponent form outside
 * 1e-4..1e16, `{:e}`, and `{:.N}` — the exact decimal value of the binary float rounded half to even, as
 * `flt2dec` does), then padded as `Formatter::pad_integral` / `pad_formatted_parts` pad them.
 *
 * Everything here is a pure function of the value and the spec; `format.ts` chooses what to call.
 */
import type { FmtSpec } from '../lang/ast';
import { big, intToRadix, type Int } from './int';

/** The parts of a spec that shape one number (the same for a top-level argument and a Debug leaf). */
export interface NumSpec {
  width: number | null;
  precision: number | null;
  fill: string;
  align: FmtSpec['align'];
  sign: boolean;
  zero: boolean;
  alt: boolean;
  /** `x` / `X` / `o` / `b` / `e` / `E`, or '' for decimal. */
  radix: string;
}

// ---------------------------------------------------------------------------------------------- padding

/** `Formatter::padding`: fill on the sides the alignment (or `dflt`) says. */
export function pad(body: string, spec: NumSpec, dflt: '<' | '>'): string {
  const width = spec.width;
  if (width === null) return body;
  const len = charCount(body);
  if (len >= width) return body;
  const n = width - len;
  const fill = spec.fill;
  switch (spec.align ?? dflt) {
    case '<':
      return body + fill.repeat(n);
    case '>':
      return fill.repeat(n) + body;
    case '^':
      return fill.repeat(n >> 1) + body + fill.repeat((n + 1) >> 1);
  }
}

function charCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/**
 * `pad_integral` and `pad_formatted_parts`: the sign (and `0x` prefix) first; with the `0` flag the rest is
 * zero-padded after them whatever the fill and alignment, otherwise the whole is padded (right by default).
 */
function padNumber(sign: string, prefix: string, digits: string, spec: NumSpec): string {
  const width = spec.width;
  if (width !== null && spec.zero) {
    const len = sign.length + prefix.length + charCount(digits);
    return sign + prefix + (len < width ? '0'.repeat(width - len) : '') + digits;
  }
  return pad(sign + prefix + digits, spec, '>');
}

// ---------------------------------------------------------------------------------------------- integers

/** An integer with a spec: decimal (precision ignored, as Rust does), radix with two's complement, or `{:e}`. */
export function formatInt(x: Int, spec: NumSpec, kind: number): string {
  const neg = x < 0;
  switch (spec.radix) {
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      const radix = spec.radix === 'o' ? 8 : spec.radix === 'b' ? 2 : 16;
      let digits = intToRadix(x, radix, kind);
      if (spec.radix === 'X') digits = digits.toUpperCase();
      const prefix = spec.alt ? (radix === 16 ? '0x' : radix === 8 ? '0o' : '0b') : '';
      // Radix formatting has no sign: a negative value is its two's complement bits.
      return padNumber(spec.sign ? '+' : '', prefix, digits, spec);
    }
    case 'e':
    case 'E':
      return padNumber(neg ? '-' : spec.sign ? '+' : '', '', intExp(x, spec), spec);
  }
  const digits = neg ? (-big(x)).toString() : x.toString();
  return padNumber(neg ? '-' : spec.sign ? '+' : '', '', digits, spec);
}

/** `impl LowerExp for` integers (core/src/fmt/num.rs `exp_u64`), its rounding included. */
function intExp(x: Int, spec: NumSpec): string {
  let n = big(x);
  if (n < 0n) n = -n;
  let exponent = 0;
  while (n % 10n === 0n && n >= 10n) {
    n /= 10n;
    exponent++;
  }
  let added = 0;
  let subtracted = 0;
  if (spec.precision !== null) {
    const prec = n.toString().length - 1;
    added = Math.max(0, spec.precision - prec);
    subtracted = Math.max(0, prec - spec.precision);
  }
  for (let i = 1; i < subtracted; i++) {
    n /= 10n;
    exponent++;
  }
  if (subtracted !== 0) {
    const rem = n % 10n;
    n /= 10n;
    exponent++;
    // "round up last digit, round to even on a tie"
    if (rem > 5n || (rem === 5n && (n % 2n !== 0n || subtracted > 1))) {
      const before = n.toString().length;
      n += 1n;
      if (n.toString().length > before) {
        n /= 10n;
        exponent++;
      }
    }
  }
  const d = n.toString();
  exponent += d.length - 1;
  let mantissa = d.length > 1 ? `${d[0]}.${d.slice(1)}` : d;
  if (added > 0) mantissa += (d.length > 1 ? '' : '.') + '0'.repeat(added);
  return `${mantissa}${spec.radix === 'E' ? 'E' : 'e'}${exponent}`;
}

// ---------------------------------------------------------------------------------------------- floats

/** How a float is shown: `{}` (decimal), `{:?}` (decimal, or exponent form when very large or small). */
export type FloatStyle = 'display' | 'debug';

/** A float with a spec, as `impl Display` / `impl Debug` / `impl LowerExp` for f32 and f64 print it. */
export function formatFloat(x: number, f32: boolean, spec: NumSpec, style: FloatStyle): string {
  // The sign: none for NaN, `-` for every negative value including -0.0, `+` when asked for.
  const negative = x < 0 || Object.is(x, -0);
  const sign = Number.isNaN(x) ? '' : negative ? '-' : spec.sign ? '+' : '';
  const a = Math.abs(x);
  let body: string;
  if (Number.isNaN(x)) body = 'NaN';
  else if (!Number.isFinite(x)) body = 'inf';
  else if (spec.radix === 'e' || spec.radix === 'E') body = floatExp(a, f32, spec.precision, spec.radix);
  else if (spec.precision !== null) body = fixed(a, spec.precision);
  else if (style === 'debug' && a !== 0 && (a < 1e-4 || a >= 1e16)) body = floatExp(a, f32, null, 'e');
  else {
    const { digits, exp } = shortest(a, f32);
    body = decimal(digits, exp, style === 'debug');
  }
  return padNumber(sign, '', body, spec);
}

/** Shortest digits that read back as the same f64 (or f32): `x = d.ddd × 10^exp`. */
export function shortest(a: number, f32: boolean): { digits: string; exp: number } {
  if (a === 0) return { digits: '0', exp: 0 };
  let s = a.toExponential();
  if (f32) {
    for (let p = 0; p < 9; p++) {
      const t = a.toExponential(p);
      if (Math.fround(Number(t)) === a) {
        s = t;
        break;
      }
    }
  }
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
  const digits = (m[1]! + (m[2] ?? '')).replace(/0+$/, '') || '0';
  return { digits, exp: Number(m[3]) };
}

/** Positional notation of `d.ddd × 10^exp`, never an exponent; `.0` added when `minFrac` and integral. */
function decimal(digits: string, exp: number, minFrac: boolean): string {
  const n = digits.length;
  if (exp >= n - 1) return digits + '0'.repeat(exp - n + 1) + (minFrac ? '.0' : '');
  if (exp >= 0) return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return `0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** The exact value of a finite double as an integer over a power of ten: `a = int / 10^scale`. */
function exactParts(a: number): { int: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = expBits === 0 ? -1074 : expBits - 1075;
  if (expBits !== 0) mant |= 1n << 52n;
  if (mant === 0n) return { int: 0n, scale: 0 };
  while ((mant & 1n) === 0n && e < 0) {
    mant >>= 1n;
    e++;
  }
  if (e >= 0) return { int: mant << BigInt(e), scale: 0 };
  // mant / 2^k = mant * 5^k / 10^k
  return { int: mant * 5n ** BigInt(-e), scale: -e };
}

/** `q + 1` when the dropped remainder `r` (of `d`) is over half, or exactly half and `q` is odd. */
function roundHalfEven(q: bigint, r: bigint, d: bigint): bigint {
  const twice = 2n * r;
  return twice > d || (twice === d && (q & 1n) === 1n) ? q + 1n : q;
}

/** `{:.N}`: the exact decimal value rounded half to even to N places (any N: no 100-digit limit). */
export function fixed(a: number, places: number): string {
  const { int, scale } = exactParts(a);
  let q: bigint;
  if (scale <= places) q = int * 10n ** BigInt(places - scale);
  else {
    const d = 10n ** BigInt(scale - places);
    q = roundHalfEven(int / d, int % d, d);
  }
  const s = q.toString().padStart(places + 1, '0');
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
}

/** `{:e}` (shortest digits) and `{:.Ne}` (exact, rounded half to even) of a finite non-negative float. */
function floatExp(a: number, f32: boolean, precision: number | null, letter: string): string {
  let digits: string;
  let exp: number;
  if (precision === null) ({ digits, exp } = shortest(a, f32));
  else if (a === 0) {
    digits = '0'.repeat(precision + 1);
    exp = 0;
  } else {
    const { int, scale } = exactParts(a);
    const all = int.toString();
    exp = all.length - 1 - scale;
    const keep = precision + 1;
    if (all.length <= keep) digits = all.padEnd(keep, '0');
    else {
      const d = 10n ** BigInt(all.length - keep);
      let q = roundHalfEven(int / d, int % d, d);
      if (q.toString().length > keep) {
        q /= 10n;
        exp++;
      }
      digits = q.toString();
    }
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mantissa}${letter === 'E' ? 'E' : 'e'}${exp}`;
}
