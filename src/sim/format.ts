/**
 * Rust's formatting machinery for `{}` (Display) and `{:?}` / `{:#?}` (Debug), with width, fill, alignment,
 * sign, zero padding, precision and radix — the output must match what the real program prints.
 */
import { fixedDecimal } from './format-fixed';
import type { FmtSpec } from '../lang/ast';
import { DEFAULT_OPTS, indented, optsOf, pad, specOf, type FmtOpts } from './formatter';
import { typeHooks } from './type-hooks';
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
  if (spec?.debug && typeof x === 'string') return debugStr(x);
  if (spec && typeof x === 'object' && formatsStructurally(x, spec.debug)) {
    // Aggregates and the program's own impls pass the Formatter's options on to their parts.
    const o = optsOf(spec, width, precision);
    return spec.debug ? debugWith(x, o) : displayWith(x, o);
  }
  if (spec && spec.radix !== '' && typeof x === 'number') {
    body = formatRadix(x, spec);
  } else if (spec?.debug) {
    body = debugLeaf(x, precision, spec.pretty);
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
  if (typeof v === 'object') {
    const h = typeHooks(deref(v));
    if (h?.display)
      return h.display(deref(v), precision === null ? DEFAULT_OPTS : { ...DEFAULT_OPTS, precision });
  }
  switch (typeof v) {
    case 'number':
      // An integer ignores a precision (core::fmt: "for integral types, this is ignored").
      return precision !== null && !Number.isInteger(v) ? fixedDecimal(v, precision) : formatInt(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return precision !== null ? [...v].slice(0, precision).join('') : v;
  }
  if (v instanceof RString) return precision !== null ? [...v.s].slice(0, precision).join('') : v.s;
  if (v instanceof F64) return precision !== null ? fixedDecimal(v.v, precision) : formatFloat(v.v, false);
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

/** `{:?}` of a number, a bool or a float, before padding (the rest goes through `debugWith`). */
function debugLeaf(v: Value, precision: number | null, pretty: boolean): string {
  switch (typeof v) {
    case 'number':
      // An integer ignores a precision (core::fmt: "for integral types, this is ignored").
      return precision !== null && !Number.isInteger(v) ? fixedDecimal(v, precision) : formatInt(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof F64) return precision !== null ? fixedDecimal(v.v, precision) : formatFloat(v.v, true);
  return debugWith(v, { ...DEFAULT_OPTS, precision, alt: pretty });
}

/**
 * `{:?}` / `{:#?}` of a value. `indent` is for a `SelfFormatting` value that lays out `{:#?}` itself at an
 * absolute column: the lines after the first are indented by it.
 */
export function debug(v: Value, pretty: boolean, precision: number | null = null, indent = ''): string {
  const s = debugWith(
    v,
    precision === null && !pretty ? DEFAULT_OPTS : { ...DEFAULT_OPTS, alt: pretty, precision },
  );
  return indent === '' || !pretty ? s : s.replaceAll('\n', '\n' + indent);
}

/** `{:?}` for the trace: the derived structure only, never a program's own `Debug` (no user code runs). */
export function debugPlain(v: Value): string {
  return debugWith(v, DEFAULT_OPTS, false);
}

// ------------------------------------------------------------------------------------------------------
// Structure: Rust's `Debug` builders (`debug_struct`, `debug_tuple`, `debug_list`, `debug_map`) and the
// program's own `Display` / `Debug` impls. A Formatter's options reach every leaf (`{:03?}` of `(1, 2)` is
// `(001, 002)`); `{:#?}` puts one field a line, nested output indented by the `PadAdapter`.

function formatsStructurally(x: RObject, debug: boolean): boolean {
  const h = typeHooks(x);
  if (h && !debug) return h.display !== undefined;
  // `str` and `char` Debug write their escaped text without padding, as Rust's do.
  return (
    debug &&
    (x instanceof RStruct ||
      x instanceof REnum ||
      x instanceof RVec ||
      x instanceof RTuple ||
      x instanceof Unit ||
      x instanceof RString ||
      x instanceof RChar)
  );
}

/** `{}` of a value with a Formatter's options; a program's `impl Display` decides its own padding. */
export function displayWith(v: Value, o: FmtOpts): string {
  const x = deref(v);
  const h = typeHooks(x);
  if (h?.display) return h.display(x, o);
  return formatValue(x, specOf(o, false), o.width, o.precision);
}

/** `{:?}` of a value with a Formatter's options (`alt` is `{:#?}`). */
export function debugWith(v: Value, o: FmtOpts, hooks = true): string {
  const x = deref(v);
  switch (typeof x) {
    case 'string':
      return debugStr(x);
    case 'number':
    case 'boolean':
      // No options (`{:?}`, the trace's locals): an integer's or bool's Debug is its Display.
      if (o === DEFAULT_OPTS) return display(x, null);
      return formatValue(x, specOf(o, true), o.width, o.precision);
  }
  if (hooks) {
    const h = typeHooks(x);
    if (h?.debug) return h.debug(x, o, o.alt);
  }
  if (x instanceof RString) return debugStr(x.s);
  if (x instanceof RChar) return `'${x.c === "'" ? "\\'" : escapeChar(x.c, false)}'`;
  if (x instanceof F64) return formatValue(x, specOf(o, true), o.width, o.precision);
  if (x instanceof Unit) return pad('()', o);
  if (x instanceof RDuration) return debugDuration(x.ns, o.precision);
  if (x instanceof RInstant) return `Instant { t: ${x.ns}ns }`;
  if (x instanceof RVec) return debugList('[', ']', x.items, o, hooks);
  if (x instanceof RTuple) return debugTuple('', x.items, o, hooks);
  if (x instanceof RStruct) {
    if (x.def.tuple) return debugTuple(x.def.name, x.fields, o, hooks);
    return debugStruct(
      x.def.name,
      x.def.fields.map((f) => f.name),
      x.fields,
      o,
      hooks,
    );
  }
  // An enum-like value with a Debug of its own (std's `SendError { .. }`) prints that; self-formatting
  // values print relative to column 0 (indent ''), the caller's PadAdapter indents them.
  if (typeof x === 'object' && x !== null && isSelfFormatting(x)) return x.fmtDebug(o.alt, '', o.precision);
  if (x instanceof REnum) {
    if (x.names) return debugStruct(x.variant, x.names, x.values, o, hooks);
    return debugTuple(x.variant, x.values, o, hooks);
  }
  return x instanceof RObject ? x.typeName() : String(x);
}

/** `f.debug_struct(name)` with these fields, then `finish()` (`.., ` when `nonExhaustive`). */
export function debugStruct(
  name: string,
  names: readonly string[],
  values: readonly Value[],
  o: FmtOpts,
  hooks = true,
  nonExhaustive = false,
): string {
  if (names.length === 0) return nonExhaustive ? `${name} { .. }` : name;
  if (!o.alt) {
    const body = names.map((n, i) => `${n}: ${debugWith(values[i]!, o, hooks)}`).join(', ');
    return `${name} { ${body}${nonExhaustive ? ', ..' : ''} }`;
  }
  let out = `${name} {\n`;
  names.forEach((n, i) => (out += indented(`${n}: ${debugWith(values[i]!, o, hooks)},\n`)));
  if (nonExhaustive) out += '    ..\n';
  return out + '}';
}

/** `f.debug_tuple(name)`; a nameless one-field tuple prints `(x,)`. */
export function debugTuple(name: string, values: readonly Value[], o: FmtOpts, hooks = true): string {
  if (values.length === 0) return name;
  if (!o.alt) {
    const body = values.map((v) => debugWith(v, o, hooks)).join(', ');
    return `${name}(${body}${values.length === 1 && name === '' ? ',' : ''})`;
  }
  let out = `${name}(\n`;
  for (const v of values) out += indented(`${debugWith(v, o, hooks)},\n`);
  return out + ')';
}

/** `f.debug_list()` / `f.debug_set()`: `[a, b]` / `{a, b}`. */
export function debugList(
  open: string,
  close: string,
  values: readonly Value[],
  o: FmtOpts,
  hooks = true,
): string {
  if (values.length === 0) return open + close;
  if (!o.alt) return open + values.map((v) => debugWith(v, o, hooks)).join(', ') + close;
  let out = `${open}\n`;
  for (const v of values) out += indented(`${debugWith(v, o, hooks)},\n`);
  return out + close;
}

/** `f.debug_map()`: `{k: v, ..}`. */
export function debugMap(entries: readonly (readonly [Value, Value])[], o: FmtOpts, hooks = true): string {
  if (entries.length === 0) return '{}';
  if (!o.alt)
    return `{${entries.map(([k, v]) => `${debugWith(k, o, hooks)}: ${debugWith(v, o, hooks)}`).join(', ')}}`;
  let out = '{\n';
  for (const [k, v] of entries) out += indented(`${debugWith(k, o, hooks)}: ${debugWith(v, o, hooks)},\n`);
  return out + '}';
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
