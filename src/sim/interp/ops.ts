/**
 * Operators on runtime values: arithmetic with Rust's integer semantics, comparison, equality, casts.
 */
import type { Type } from '../../lang/ast';
import {
  F64,
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

export function arith(op: string, l: Value, r: Value, panic: PanicFn): Value {
  const a = deref(l);
  const b = deref(r);
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) return panic('attempt to divide by zero');
        return Math.trunc(a / b);
      case '%':
        if (b === 0) return panic('attempt to calculate the remainder with a divisor of zero');
        return a % b;
      case '&':
        return Number(BigInt(a) & BigInt(b));
      case '|':
        return Number(BigInt(a) | BigInt(b));
      case '^':
        return Number(BigInt(a) ^ BigInt(b));
      case '<<':
        return a * 2 ** b;
      case '>>':
        return Math.floor(a / 2 ** b);
    }
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&') return a && b;
    if (op === '|') return a || b;
    if (op === '^') return a !== b;
  }
  if (a instanceof F64 || b instanceof F64) {
    const x = a instanceof F64 ? a.v : (a as number);
    const y = b instanceof F64 ? b.v : (b as number);
    switch (op) {
      case '+':
        return new F64(x + y);
      case '-':
        return new F64(x - y);
      case '*':
        return new F64(x * y);
      case '/':
        return new F64(x / y);
      case '%':
        return new F64(x % y);
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
  if (a instanceof RDuration && typeof b === 'number') {
    if (op === '*') return new RDuration(a.ns * b);
    if (op === '/') return new RDuration(Math.floor(a.ns / b));
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
  return typeof v === 'object' ? v.typeName() : typeof v === 'number' ? 'an integer' : typeof v;
}

export function equals(l: Value, r: Value): boolean {
  const a = deref(l);
  const b = deref(r);
  if (typeof a === 'object') {
    const h = typeHooks(a);
    if (h?.eq) return h.eq(a, b);
  }
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') {
    if (typeof a === 'string' && b instanceof RString) return a === b.s;
    if (typeof b === 'string' && a instanceof RString) return a.s === b;
    return false;
  }
  if (a instanceof RString && b instanceof RString) return a.s === b.s;
  if (a instanceof F64 && b instanceof F64) return a.v === b.v;
  if (a instanceof RChar && b instanceof RChar) return a.c === b.c;
  if (a instanceof Unit && b instanceof Unit) return true;
  if (a instanceof RDuration && b instanceof RDuration) return a.ns === b.ns;
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
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = typeof a === 'string' ? a : a instanceof RString ? a.s : null;
  const sb = typeof b === 'string' ? b : b instanceof RString ? b.s : null;
  if (sa !== null && sb !== null) return sa < sb ? -1 : sa > sb ? 1 : 0;
  if (a instanceof F64 || b instanceof F64) {
    const x = a instanceof F64 ? a.v : (a as number);
    const y = b instanceof F64 ? b.v : (b as number);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a instanceof RChar && b instanceof RChar) return a.c < b.c ? -1 : a.c > b.c ? 1 : 0;
  if (a instanceof RDuration && b instanceof RDuration) return a.ns - b.ns;
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
  return panic(`cannot compare ${describe(a)} with ${describe(b)}`);
}

const INT_BITS: Record<string, [number, boolean]> = {
  u8: [8, false],
  u16: [16, false],
  u32: [32, false],
  i8: [8, true],
  i16: [16, true],
  i32: [32, true],
};

/** `expr as Type` for the numeric and char casts the subset uses. */
export function cast(v: Value, ty: Type, panic: PanicFn): Value {
  const x = deref(v);
  const name = ty.k === 'path' ? ty.segs[ty.segs.length - 1]! : '';
  if (name === 'f64' || name === 'f32') {
    if (typeof x === 'number') return new F64(x);
    if (x instanceof F64) return x;
  }
  if (name === 'char') {
    if (typeof x === 'number') return new RChar(String.fromCodePoint(x & 0xff));
    if (x instanceof RChar) return x;
  }
  const bits = INT_BITS[name];
  let n: number;
  if (typeof x === 'number') n = x;
  else if (x instanceof F64) n = Number.isNaN(x.v) ? 0 : Math.trunc(x.v);
  else if (typeof x === 'boolean') n = x ? 1 : 0;
  else if (x instanceof RChar) n = x.c.codePointAt(0)!;
  else return panic(`cannot cast ${describe(x)} as ${name}`);
  if (x instanceof F64 && bits) {
    // Float-to-int casts saturate.
    const max = bits[1] ? 2 ** (bits[0] - 1) - 1 : 2 ** bits[0] - 1;
    const min = bits[1] ? -(2 ** (bits[0] - 1)) : 0;
    return Math.min(max, Math.max(min, n));
  }
  if (bits) {
    const [b, signed] = bits;
    const mod = 2 ** b;
    let m = ((n % mod) + mod) % mod;
    if (signed && m >= mod / 2) m -= mod;
    return m;
  }
  if ((name === 'u64' || name === 'usize' || name === 'u128') && n < 0) return 2 ** 64 + n;
  return n;
}
