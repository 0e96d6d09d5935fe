/**
 * Rust's formatting machinery for `{}` (Display) and `{:?}` / `{:#?}` (Debug), with width, fill, alignment,
 * sign, zero padding, precision and radix — the output must match what the real program prints.
 */
import type { FmtSpec } from '../lang/ast';
import { formatFloat, formatInt, pad as padNum, type NumSpec } from './format-num';
import { DEFAULT_OPTS, indented, optsOf, pad, specOf, type FmtOpts } from './formatter';
import { typeHooks } from './type-hooks';
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

/** No width, precision or flags: how a number prints inside `{}` / `{:?}` with no spec. */
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
  const x = deref(v);
  if (spec?.debug && typeof x === 'string') return debugStr(x);
  if (spec && typeof x === 'object' && formatsStructurally(x, spec.debug)) {
    // Aggregates and the program's own impls pass the Formatter's options on to their parts.
    const o = optsOf(spec, width, precision);
    return spec.debug ? debugWith(x, o) : displayWith(x, o);
  }
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
  // Numbers as core::fmt prints them (format-num.ts): radix in the kind's two's complement, `{:e}`, an
  // exact `{:.N}`, sign and zero padding.
  if (typeof x === 'number' || typeof x === 'bigint') return formatInt(x, ns, kind);
  if (x instanceof F64) return formatFloat(x.v, x instanceof F32, ns, spec?.debug ? 'debug' : 'display');
  if (typeof x === 'boolean') return padNum(x ? 'true' : 'false', ns, '<');
  const body = spec?.debug ? debugWith(x, optsOf(spec, null, precision)) : display(x, precision);
  return padNum(body, ns, '<');
}

export function display(v: Value, precision: number | null = null): string {
  if (typeof v === 'object') {
    const h = typeHooks(deref(v));
    if (h?.display)
      return h.display(deref(v), precision === null ? DEFAULT_OPTS : { ...DEFAULT_OPTS, precision });
  }
  switch (typeof v) {
    case 'number':
    case 'bigint':
      // An integer ignores a precision (core::fmt: "for integral types, this is ignored").
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return precision !== null ? [...v].slice(0, precision).join('') : v;
  }
  if (v instanceof RString) return precision !== null ? [...v.s].slice(0, precision).join('') : v.s;
  if (v instanceof F64) return formatFloat(v.v, v instanceof F32, { ...PLAIN, precision }, 'display');
  if (v instanceof RChar) return v.c;
  if (v instanceof RRef) return display(v.place.get(), precision);
  // A value a program never gave (a builtin called with an argument missing): Debug says so, never a throw.
  if (v === undefined || v === null) return debug(v, false, precision);
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
    case 'bigint':
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
  if (x instanceof RDuration)
    return x.exactNs === null ? debugDuration(x.ns, o.precision) : debugDurationExact(x.exactNs, o.precision);
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

/** `debugDuration` of a duration of at least 2^53 ns (always whole seconds and up), exactly. */
function debugDurationExact(ns: bigint, precision: number | null): string {
  const secs = ns / 1_000_000_000n;
  const frac = fmtDecimal(0, Number(ns % 1_000_000_000n), 100_000_000, precision);
  // `fmtDecimal` rounded into its integer part ("1" after a carry) or left it "0".
  const dot = frac.indexOf('.');
  const carried = BigInt(dot < 0 ? frac : frac.slice(0, dot));
  return `${secs + carried}${dot < 0 ? '' : frac.slice(dot)}s`;
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
