/**
 * Rust's formatting machinery for `{}` (Display) and `{:?}` / `{:#?}` (Debug), with width, fill, alignment,
 * sign, zero padding, precision and radix — the output must match what the real program prints.
 */
import type { FmtSpec } from '../lang/ast';
import { formatFloat, formatInt, pad, type NumSpec } from './format-num';
import {
  F32,
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

/** No width, precision or flags: how a value prints inside `{}` / `{:?}` with no spec. */
const PLAIN: NumSpec = {
  width: null,
  precision: null,
  fill: ' ',
  align: null,
  sign: false,
  zero: false,
  alt: false,
  radix: '',
};

/**
 * Formats one argument of `format!` and friends. `width` and `precision` are resolved (from the spec or
 * from `{:1$}` / `{:.*}` arguments); `kind` is the argument's numeric kind from the type pass (it decides
 * the two's complement width of a negative `{:x}`).
 */
export function formatValue(
  v: Value,
  spec: FmtSpec | null,
  width: number | null,
  precision: number | null,
  kind = 0,
): string {
  const ns: NumSpec = spec
    ? {
        width,
        precision,
        fill: spec.fill,
        align: spec.align,
        sign: spec.sign,
        zero: spec.zero,
        alt: spec.alt,
        radix: spec.radix,
      }
    : { ...PLAIN, width, precision };
  const x = deref(v);
  if (spec?.debug) return debugWith(x, { pretty: spec.pretty, leaf: ns, hex: spec.debugHex ?? '' }, '');
  return displayWith(x, ns, kind);
}

/** `{}` with a spec. Rust's Display pads strings and bools (left by default) and numbers (right). */
function displayWith(x: Value, ns: NumSpec, kind: number): string {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return formatInt(x, ns, kind);
    case 'boolean':
      return pad(x ? 'true' : 'false', ns, '<');
    case 'string':
      return pad(truncate(x, ns.precision), ns, '<');
  }
  if (x instanceof F64) return formatFloat(x.v, x instanceof F32, ns, 'display');
  if (x instanceof RString) return pad(truncate(x.s, ns.precision), ns, '<');
  if (x instanceof RChar) return pad(x.c, ns, '<');
  if (x instanceof RRef) return displayWith(deref(x), ns, kind);
  return pad(display(x, ns.precision), ns, '<');
}

function truncate(s: string, precision: number | null): string {
  return precision === null ? s : [...s].slice(0, precision).join('');
}

export function display(v: Value, precision: number | null = null): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return truncate(v, precision);
  }
  if (v instanceof RString) return truncate(v.s, precision);
  if (v instanceof F64) return formatFloat(v.v, v instanceof F32, { ...PLAIN, precision }, 'display');
  if (v instanceof RChar) return v.c;
  if (v instanceof RRef) return display(v.place.get(), precision);
  const fd = (v as Partial<SelfFormatting>).fmtDisplay;
  if (typeof fd === 'function') return fd.call(v);
  // Display is not implemented for these in Rust (the program would not compile); print Debug.
  return debug(v, false, precision);
}

/** Rust's `{}` of a float (shortest round-trip digits, never an exponent); `debugForm`: `{:?}`. */
export function formatFloatPlain(x: number, debugForm: boolean, f32 = false): string {
  return formatFloat(x, f32, PLAIN, debugForm ? 'debug' : 'display');
}

/**
 * How a Debug walk formats: pretty (`{:#?}`), the spec every leaf is formatted with (Rust's derived Debug
 * hands its `Formatter` — width, fill, precision, flags — to each field, so `{:03?}` of `(1, 2)` is
 * `(001, 002)`), and `{:x?}` / `{:X?}`.
 */
interface DebugOpts {
  pretty: boolean;
  leaf: NumSpec;
  hex: '' | 'x' | 'X';
}

export function debug(v: Value, pretty: boolean, precision: number | null = null, indent = ''): string {
  return debugWith(
    v,
    { pretty, leaf: precision === null ? PLAIN : { ...PLAIN, precision }, hex: '' },
    indent,
  );
}

function debugWith(v: Value, o: DebugOpts, indent: string): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return formatInt(v, o.hex ? { ...o.leaf, radix: o.hex } : o.leaf, 0);
    case 'boolean':
      return pad(v ? 'true' : 'false', o.leaf, '<');
    case 'string':
      return debugStr(v);
  }
  if (v instanceof RString) return debugStr(v.s);
  if (v instanceof F64) return formatFloat(v.v, v instanceof F32, o.leaf, 'debug');
  if (v instanceof RChar) return `'${v.c === "'" ? "\\'" : escapeChar(v.c, false)}'`;
  if (v instanceof Unit) return pad('()', o.leaf, '<');
  if (v instanceof RRef) return debugWith(v.place.get(), o, indent);
  if (v instanceof RDuration) return pad(debugDuration(v.ns, o.leaf.precision), o.leaf, '<');
  if (v instanceof RInstant) return `Instant { t: ${v.ns}ns }`;
  if (v instanceof RVec) return list('[', ']', v.items, o, indent);
  if (v instanceof RTuple) {
    if (v.items.length === 1 && !o.pretty) return `(${debugWith(v.items[0]!, o, indent)},)`;
    return list('(', ')', v.items, o, indent);
  }
  if (v instanceof RStruct) {
    if (v.def.tuple) {
      if (v.fields.length === 0) return v.def.name;
      return v.def.name + list('(', ')', v.fields, o, indent);
    }
    return struct(
      v.def.name,
      v.def.fields.map((f) => f.name),
      v.fields,
      o,
      indent,
    );
  }
  if (v instanceof REnum) {
    if (v.values.length === 0) return v.variant;
    if (v.names) return struct(v.variant, v.names, v.values, o, indent);
    return v.variant + list('(', ')', v.values, o, indent);
  }
  if (isSelfFormatting(v)) return v.fmtDebug(o.pretty, indent, o.leaf.precision);
  return v instanceof RObject ? v.typeName() : String(v);
}

function list(open: string, close: string, items: Value[], o: DebugOpts, indent: string): string {
  if (!o.pretty) return open + items.map((x) => debugWith(x, o, indent)).join(', ') + close;
  if (items.length === 0) return open + close;
  const inner = indent + '    ';
  return `${open}\n${items.map((x) => `${inner}${debugWith(x, o, inner)},\n`).join('')}${indent}${close}`;
}

function struct(name: string, names: string[], values: Value[], o: DebugOpts, indent: string): string {
  if (names.length === 0) return name;
  if (!o.pretty)
    return `${name} { ${names.map((n, i) => `${n}: ${debugWith(values[i]!, o, indent)}`).join(', ')} }`;
  const inner = indent + '    ';
  return `${name} {\n${names.map((n, i) => `${inner}${n}: ${debugWith(values[i]!, o, inner)},\n`).join('')}${indent}}`;
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
