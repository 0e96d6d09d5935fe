/**
 * Rust's formatting machinery for `{}` (Display) and `{:?}` / `{:#?}` (Debug), with width, fill, alignment,
 * sign, zero padding, precision and radix — the output must match what the real program prints.
 */
import type { FmtSpec } from '../lang/ast';
import {
  F64,
  RChar,
  RDuration,
  REnum,
  RInstant,
  RObject,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  Unit,
  deref,
  type Value,
} from './values';

/** Values that know how to print themselves (runtime handles, errors). */
export interface SelfFormatting {
  fmtDisplay?(): string;
  /** `indent` is the pretty-printer's current indentation (nested `{:#?}`); `precision` as in `{:.2?}`. */
  fmtDebug(pretty: boolean, indent?: string, precision?: number | null): string;
}

function isSelfFormatting(v: object): v is SelfFormatting {
  return typeof (v as Partial<SelfFormatting>).fmtDebug === 'function';
}

/** Hook for user `impl Display`; none yet, kept for the interpreter to fill in. */
export type DisplayHook = (v: RStruct | REnum) => string | null;

export function formatValue(
  v: Value,
  spec: FmtSpec | null,
  width: number | null,
  precision: number | null,
): string {
  let body: string;
  const x = deref(v);
  if (spec && spec.radix !== '' && typeof x === 'number') {
    body = formatRadix(x, spec);
  } else if (spec?.debug) {
    body = debug(x, spec.pretty, precision);
  } else {
    body = display(x, precision);
  }
  if (spec && spec.sign && typeof x === 'number' && x >= 0) body = '+' + body;
  if (spec && spec.sign && x instanceof F64 && x.v >= 0) body = '+' + body;
  if (width !== null && [...body].length < width) {
    const len = [...body].length;
    const pad = width - len;
    const numeric = typeof x === 'number' || x instanceof F64;
    if (spec?.zero && numeric) {
      const neg = body.startsWith('-') || body.startsWith('+');
      const sign = neg ? body[0]! : '';
      const digits = neg ? body.slice(1) : body;
      const prefix = spec.alt && spec.radix && /^0[xbo]/.test(digits) ? digits.slice(0, 2) : '';
      body = sign + prefix + '0'.repeat(pad) + digits.slice(prefix.length);
    } else {
      const align = spec?.align ?? (numeric ? '>' : '<');
      const fill = spec?.fill ?? ' ';
      if (align === '<') body = body + fill.repeat(pad);
      else if (align === '>') body = fill.repeat(pad) + body;
      else body = fill.repeat(Math.floor(pad / 2)) + body + fill.repeat(Math.ceil(pad / 2));
    }
  }
  return body;
}

function formatRadix(x: number, spec: FmtSpec): string {
  const neg = x < 0;
  let n = Math.abs(x);
  // Rust prints negative numbers in two's complement for {:x}; we assume 32-bit ints for those.
  if (neg) n = (x >>> 0) as number;
  let s: string;
  switch (spec.radix) {
    case 'x':
      s = n.toString(16);
      break;
    case 'X':
      s = n.toString(16).toUpperCase();
      break;
    case 'b':
      s = n.toString(2);
      break;
    case 'o':
      s = n.toString(8);
      break;
    case 'e':
      s = x.toExponential().replace('e+', 'e');
      return s;
    default:
      s = String(n);
  }
  if (spec.alt) s = (spec.radix === 'x' || spec.radix === 'X' ? '0x' : spec.radix === 'b' ? '0b' : '0o') + s;
  return s;
}

export function display(v: Value, precision: number | null = null): string {
  switch (typeof v) {
    case 'number':
      return precision !== null ? v.toFixed(precision) : formatInt(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return precision !== null ? [...v].slice(0, precision).join('') : v;
  }
  if (v instanceof RString) return precision !== null ? [...v.s].slice(0, precision).join('') : v.s;
  if (v instanceof F64) return precision !== null ? v.v.toFixed(precision) : formatFloat(v.v, false);
  if (v instanceof RChar) return v.c;
  if (v instanceof RRef) return display(v.place.get(), precision);
  const fd = (v as Partial<SelfFormatting>).fmtDisplay;
  if (typeof fd === 'function') return fd.call(v);
  // Display is not implemented for these in Rust (the program would not compile); print Debug.
  return debug(v, false, precision);
}

function formatInt(v: number): string {
  if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? String(v) : BigInt(v).toString();
  return formatFloat(v, false);
}

/** Rust prints floats in shortest round-trip form, never in exponent notation; Debug keeps a `.0`. */
export function formatFloat(x: number, debugForm: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  let s = String(x);
  if (/e/.test(s)) {
    s = x.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  }
  if (debugForm && !s.includes('.')) s += '.0';
  return s;
}

export function debug(v: Value, pretty: boolean, precision: number | null = null, indent = ''): string {
  switch (typeof v) {
    case 'number':
      return precision !== null ? v.toFixed(precision) : formatInt(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return debugStr(v);
  }
  if (v instanceof RString) return debugStr(v.s);
  if (v instanceof F64) return precision !== null ? v.v.toFixed(precision) : formatFloat(v.v, true);
  if (v instanceof RChar) return `'${v.c === "'" ? "\\'" : escapeChar(v.c, false)}'`;
  if (v instanceof Unit) return '()';
  if (v instanceof RRef) return debug(v.place.get(), pretty, precision, indent);
  if (v instanceof RDuration) return debugDuration(v.ns, precision);
  if (v instanceof RInstant) return `Instant { t: ${v.ns}ns }`;
  if (v instanceof RVec) return list('[', ']', v.items, pretty, precision, indent);
  if (v instanceof RTuple) {
    if (v.items.length === 1 && !pretty) return `(${debug(v.items[0]!, false, precision)},)`;
    return list('(', ')', v.items, pretty, precision, indent);
  }
  if (v instanceof RStruct) {
    if (v.def.tuple) {
      if (v.fields.length === 0) return v.def.name;
      return v.def.name + list('(', ')', v.fields, pretty, precision, indent);
    }
    return struct(
      v.def.name,
      v.def.fields.map((f) => f.name),
      v.fields,
      pretty,
      precision,
      indent,
    );
  }
  // An enum-like value with a Debug of its own (std's `SendError { .. }`) prints that.
  if (isSelfFormatting(v)) return v.fmtDebug(pretty, indent, precision);
  if (v instanceof REnum) {
    if (v.values.length === 0) return v.variant;
    if (v.names) return struct(v.variant, v.names, v.values, pretty, precision, indent);
    return v.variant + list('(', ')', v.values, pretty, precision, indent);
  }
  return v instanceof RObject ? v.typeName() : String(v);
}

function list(
  open: string,
  close: string,
  items: Value[],
  pretty: boolean,
  precision: number | null,
  indent: string,
): string {
  if (!pretty) return open + items.map((x) => debug(x, false, precision)).join(', ') + close;
  if (items.length === 0) return open + close;
  const inner = indent + '    ';
  return `${open}\n${items.map((x) => `${inner}${debug(x, true, precision, inner)},\n`).join('')}${indent}${close}`;
}

function struct(
  name: string,
  names: string[],
  values: Value[],
  pretty: boolean,
  precision: number | null,
  indent: string,
): string {
  if (names.length === 0) return name;
  if (!pretty)
    return `${name} { ${names.map((n, i) => `${n}: ${debug(values[i]!, false, precision)}`).join(', ')} }`;
  const inner = indent + '    ';
  return `${name} {\n${names.map((n, i) => `${inner}${n}: ${debug(values[i]!, true, precision, inner)},\n`).join('')}${indent}}`;
}

function debugStr(s: string): string {
  let out = '"';
  for (const c of s) out += c === '"' ? '\\"' : escapeChar(c, true);
  return out + '"';
}

function escapeChar(c: string, inString: boolean): string {
  switch (c) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\\':
      return '\\\\';
    case '\0':
      return '\\0';
    case "'":
      return inString ? "'" : "\\'";
    default: {
      const code = c.codePointAt(0)!;
      if (code < 0x20 || code === 0x7f) return `\\u{${code.toString(16)}}`;
      return c;
    }
  }
}

/**
 * `impl Debug for Duration` (core/src/time.rs): the largest unit with a non-zero integer part among
 * s / ms / µs / ns, with the fractional digits trimmed of trailing zeros (or exactly `precision` digits).
 */
export function debugDuration(ns: number, precision: number | null = null): string {
  const secs = Math.floor(ns / 1e9);
  const nanos = ns - secs * 1e9;
  if (secs > 0) return fmtDecimal(secs, nanos, 100_000_000, precision) + 's';
  if (nanos >= 1_000_000)
    return fmtDecimal(Math.floor(nanos / 1_000_000), nanos % 1_000_000, 100_000, precision) + 'ms';
  if (nanos >= 1_000) return fmtDecimal(Math.floor(nanos / 1_000), nanos % 1_000, 100, precision) + 'µs';
  return fmtDecimal(nanos, 0, 1, precision) + 'ns';
}

function fmtDecimal(integer: number, fractional: number, divisor: number, precision: number | null): string {
  let digits = '';
  let frac = fractional;
  let div = divisor;
  const maxDigits = precision ?? 9;
  while (frac > 0 && digits.length < maxDigits && div >= 1) {
    digits += String(Math.floor(frac / div));
    frac %= div;
    div = Math.floor(div / 10);
  }
  let int = integer;
  // Round half up on the first dropped digit, like core's fmt_decimal.
  if (frac > 0 && div >= 1 && frac >= div * 5) {
    const arr = digits.split('').map(Number);
    let i = arr.length - 1;
    let carry = true;
    while (carry && i >= 0) {
      if (arr[i]! < 9) {
        arr[i]!++;
        carry = false;
      } else {
        arr[i] = 0;
        i--;
      }
    }
    if (carry) int += 1;
    digits = arr.join('');
  }
  if (precision !== null) digits = digits.padEnd(precision, '0');
  return digits.length ? `${int}.${digits}` : String(int);
}
