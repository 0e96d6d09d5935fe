/**
 * Operators on runtime values: arithmetic with Rust's integer semantics, comparison, equality, casts.
 */
import type { Type } from '../../lang/ast';
import { F32 as F32_KIND, isFloatKind, isIntKind, numKindOf } from '../../lang/types/kinds';
import { castFloatToInt, intBinary, intToFloat, isInt, wrap } from '../int';
import {
  F32,
  F64,
  float,
  RChar,
  RDuration,
  REnum,
  RInstant,
  RString,
  RStruct,
  RTuple,
  RVec,
  Unit,
  deref,
  type Value,
} from '../values';
import { typeHooks } from '../type-hooks';

export type PanicFn = (message: string) => never;

export function truthy(v: Value, panic: PanicFn): boolean {
  const x = deref(v);
  if (typeof x === 'boolean') return x;
  return panic(`expected a bool, found ${typeof x === 'object' ? x.typeName() : typeof x}`);
}

/**
 * `l op r` for an arithmetic or bit operator on any operands (the interpreter's fast path handles two
 * safe integers itself); `k` is the integer kind the type pass gave the operation (0: unknown).
 */
export function arith(op: string, l: Value, r: Value, panic: PanicFn, k = 0): Value {
  const a = deref(l);
  const b = deref(r);
  if (isInt(a) && isInt(b)) {
    const x = intBinary(op, a, b, k);
    return typeof x === 'string' ? panic(x) : x;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&') return a && b;
    if (op === '|') return a || b;
    if (op === '^') return a !== b;
  }
  if (a instanceof F64 || b instanceof F64) {
    const x = a instanceof F64 ? a.v : Number(a);
    const y = b instanceof F64 ? b.v : Number(b);
    const f32 = a instanceof F32 || b instanceof F32;
    switch (op) {
      case '+':
        return float(x + y, f32);
      case '-':
        return float(x - y, f32);
      case '*':
        return float(x * y, f32);
      case '/':
        return float(x / y, f32);
      case '%':
        return float(x % y, f32);
    }
  }
  if (op === '+' && a instanceof RString && (typeof b === 'string' || b instanceof RString)) {
    return new RString(a.s + (typeof b === 'string' ? b : b.s));
  }
  if (a instanceof RDuration && b instanceof RDuration) {
    if (op === '+') return new RDuration(a.ns + b.ns);
    if (op === '-') {
      if (b.ns > a.ns) return panic('overflow when subtracting durations');
      return new RDuration(a.ns - b.ns);
    }
  }
  if (a instanceof RDuration && isInt(b)) {
    if (op === '*') return new RDuration(a.ns * Number(b));
    if (op === '/') {
      if (b === 0) return panic('divide by zero error when dividing duration by scalar');
      return new RDuration(Math.floor(a.ns / Number(b)));
    }
  }
  if (a instanceof RInstant && b instanceof RDuration) {
    if (op === '+') return new RInstant(a.ns + b.ns, a.tokio);
    if (op === '-') return new RInstant(a.ns - b.ns, a.tokio);
  }
  if (a instanceof RInstant && b instanceof RInstant && op === '-') {
    return new RDuration(Math.max(0, a.ns - b.ns));
  }
  return panic(`cannot apply \`${op}\` to ${describe(a)} and ${describe(b)}`);
}

function describe(v: Value): string {
  return typeof v === 'object' ? v.typeName() : isInt(v) ? 'an integer' : typeof v;
}

export function equals(l: Value, r: Value): boolean {
  const a = deref(l);
  const b = deref(r);
  if (typeof a === 'object') {
    const h = typeHooks(a);
    if (h?.eq) return h.eq(a, b);
  }
  // The same value is equal to itself, except a NaN (`let n = f64::NAN; n == n` is false), also inside a
  // container (`v == v` with a NaN in `v`): those are compared item by item below.
  if (
    a === b &&
    !(
      a instanceof F64 ||
      a instanceof RVec ||
      a instanceof RTuple ||
      a instanceof REnum ||
      a instanceof RStruct
    )
  )
    return true;
  if (typeof a !== 'object' || typeof b !== 'object') {
    if (typeof a === 'string' && b instanceof RString) return a === b.s;
    if (typeof b === 'string' && a instanceof RString) return a.s === b;
    return false;
  }
  if (a instanceof RString && b instanceof RString) return a.s === b.s;
  if (a instanceof F64 && b instanceof F64) return a.v === b.v;
  if (a instanceof RChar && b instanceof RChar) return a.c === b.c;
  if (a instanceof Unit && b instanceof Unit) return true;
  if (a instanceof RDuration && b instanceof RDuration)
    return a.exactNs !== null || b.exactNs !== null ? durationNs(a) === durationNs(b) : a.ns === b.ns;
  if (a instanceof RInstant && b instanceof RInstant) return a.ns === b.ns;
  if (a instanceof RVec && b instanceof RVec)
    return a.items.length === b.items.length && a.items.every((x, i) => equals(x, b.items[i]!));
  if (a instanceof RTuple && b instanceof RTuple)
    return a.items.length === b.items.length && a.items.every((x, i) => equals(x, b.items[i]!));
  if (a instanceof REnum && b instanceof REnum)
    return (
      a.enumName === b.enumName &&
      a.variant === b.variant &&
      a.values.length === b.values.length &&
      a.values.every((x, i) => equals(x, b.values[i]!))
    );
  if (a instanceof RStruct && b instanceof RStruct)
    return a.def === b.def && a.fields.every((x, i) => equals(x, b.fields[i]!));
  const ae = (a as { equals?: (o: unknown) => boolean }).equals;
  if (ae) return ae.call(a, b);
  return false;
}

/**
 * Rust's `Ord`/`PartialOrd`: negative, zero or positive; NaN when the values are not comparable
 * (`partial_cmp` gave `None`), so every `<`, `>`, `<=`, `>=` on them is false. A program's own `Ord` /
 * `PartialOrd` impl decides for its types; derived ones compare fields in order, variants by position.
 */
export function compare(l: Value, r: Value, panic: PanicFn): number {
  const a = deref(l);
  const b = deref(r);
  if (typeof a === 'object') {
    const h = typeHooks(a);
    if (h?.cmp) return h.cmp(a, b);
    if (h?.partialCmp) return h.partialCmp(a, b) ?? NaN;
    if (a instanceof RStruct && b instanceof RStruct && a.def === b.def) {
      for (let i = 0; i < a.fields.length; i++) {
        const c = compare(a.fields[i]!, b.fields[i]!, panic);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
  if (isInt(a) && isInt(b)) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = typeof a === 'string' ? a : a instanceof RString ? a.s : null;
  const sb = typeof b === 'string' ? b : b instanceof RString ? b.s : null;
  if (sa !== null && sb !== null) return sa < sb ? -1 : sa > sb ? 1 : 0;
  if (a instanceof F64 || b instanceof F64) {
    const x = a instanceof F64 ? a.v : Number(a);
    const y = b instanceof F64 ? b.v : Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a instanceof RChar && b instanceof RChar) return a.c < b.c ? -1 : a.c > b.c ? 1 : 0;
  if (a instanceof RDuration && b instanceof RDuration) {
    if (a.exactNs === null && b.exactNs === null) return a.ns - b.ns;
    const x = durationNs(a);
    const y = durationNs(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a instanceof RInstant && b instanceof RInstant) return a.ns - b.ns;
  if ((a instanceof RTuple && b instanceof RTuple) || (a instanceof RVec && b instanceof RVec)) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      const c = compare(a.items[i]!, b.items[i]!, panic);
      if (c !== 0) return c;
    }
    return a.items.length - b.items.length;
  }
  if (a instanceof REnum && b instanceof REnum && a.enumName === b.enumName) {
    // std::cmp::Reverse orders by its payload, reversed.
    if (a.enumName === 'Reverse') return -compare(a.values[0]!, b.values[0]!, panic);
    const order = (e: REnum) =>
      e.def
        ? e.def.variants.findIndex((v) => v.name === e.variant)
        : (e.enumName === 'Ordering' ? ['Less', 'Equal', 'Greater'] : ['None', 'Some', 'Ok', 'Err']).indexOf(
            e.variant,
          );
    const c = order(a) - order(b);
    if (c !== 0) return c;
    for (let i = 0; i < a.values.length; i++) {
      const d = compare(a.values[i]!, b.values[i]!, panic);
      if (d !== 0) return d;
    }
    return 0;
  }
  // A builtin value that orders itself (`PhantomData`).
  const own =
    typeof a === 'object' ? (a as { compareTo?: (o: Value) => number | null }).compareTo : undefined;
  const c = own?.call(a, b);
  if (c !== undefined && c !== null) return c;
  return panic(`cannot compare ${describe(a)} with ${describe(b)}`);
}

/**
 * `expr as Type`. `k` is the target's numeric kind (the type pass's `nk` on the cast, or read from the
 * written type): integer targets truncate (two's complement) from integers and saturate from floats,
 * float targets round (`f32` to f32).
 */
export function cast(v: Value, ty: Type, k: number, panic: PanicFn): Value {
  const x = deref(v);
  const name = ty.k === 'path' ? ty.segs[ty.segs.length - 1]! : '';
  const kind = k || numKindOf(name);
  if (isFloatKind(kind)) {
    if (isInt(x)) return float(intToFloat(x, kind === F32_KIND), kind === F32_KIND);
    if (x instanceof F64) return float(x.v, kind === F32_KIND);
  }
  if (isIntKind(kind)) {
    if (isInt(x)) return wrap(x, kind);
    if (x instanceof F64) return castFloatToInt(x.v, kind);
    if (typeof x === 'boolean') return x ? 1 : 0;
    if (x instanceof RChar) return wrap(x.c.codePointAt(0)!, kind);
    // A fieldless enum: `Ordering` is -1 / 0 / 1; a program's enum (no explicit discriminants) its index.
    if (x instanceof REnum && x.values.length === 0) {
      if (x.enumName === 'Ordering') return wrap(['Less', 'Equal', 'Greater'].indexOf(x.variant) - 1, kind);
      if (x.def)
        return wrap(
          x.def.variants.findIndex((v) => v.name === x.variant),
          kind,
        );
    }
  }
  if (name === 'char') {
    if (typeof x === 'number') return new RChar(String.fromCodePoint(x & 0xff));
    if (x instanceof RChar) return x;
  }
  return panic(`cannot cast ${describe(x)} as ${name || 'this type'}`);
}

/** A duration's exact nanoseconds. */
export function durationNs(d: RDuration): bigint {
  return d.exactNs ?? BigInt(Math.round(d.ns));
}
