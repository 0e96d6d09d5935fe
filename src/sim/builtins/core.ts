/**
 * The parts of `core`/`std` the subset uses that are not about concurrency: Option, Result, Poll,
 * String/&str, Vec, integers, Duration, std Instant, Arc, Box/Pin, `drop` and `std::mem`.
 */
import { utf8Decode, utf8Encode } from '../../base';
import {
  F64,
  NONE,
  POLL_PENDING,
  RChar,
  RDuration,
  REnum,
  RInstant,
  RObject,
  RRange,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  UNIT,
  deref,
  errVal,
  isCopy,
  okVal,
  pollReady,
  some,
  type Place,
  type Value,
} from '../values';
import { display, debug } from '../format';
import { cloneValue } from '../interp/clone';
import { ArrayPlace } from '../interp/frame';
import { RIter, vecRefs } from '../interp/iterate';
import { compare, equals } from '../interp/ops';
import { dropValue } from '../interp/drops';
import {
  defineConst,
  defineFn,
  defineMethods,
  primitiveMethods,
  withPrefixes,
  type CallCtx,
  type MethodImpl,
} from '../interp/registry';
import type { NativeResult } from '../poll';

const pure = true;

// ---------------------------------------------------------------------------------------------- helpers

/** The text of a `&str` or `String` value (through references), or null. */
export function str(v: Value): string | null {
  const x = deref(v);
  if (typeof x === 'string') return x;
  if (x instanceof RString) return x.s;
  return null;
}

function num(ctx: CallCtx, v: Value | undefined, what = 'an integer'): number {
  const x = v === undefined ? undefined : deref(v);
  if (typeof x === 'number') return x;
  return ctx.interp.unsupported(`expected ${what}`);
}

function listIter(xs: Value[], label: string): RIter {
  return new RIter(xs.values(), label);
}

function enumOf(v: Value): REnum {
  return deref(v) as REnum;
}

/** A method that may call a closure argument: returns a generator the interpreter drives. */
function* callClosure(ctx: CallCtx, f: Value, args: Value[]): Generator<never, Value, undefined> {
  const r = ctx.interp.callValue(f, args, ctx.span);
  if (
    typeof r === 'object' &&
    r !== null &&
    typeof (r as { next?: unknown }).next === 'function' &&
    !(r instanceof RObject)
  ) {
    return (yield* r as Generator<never, Value, undefined>) as Value;
  }
  return r as Value;
}

/** Whether the receiver was reached through a reference (so projections should stay references). */
function viaRef(self: Value): boolean {
  return self instanceof RRef;
}

function payloadRef(e: REnum, mut: boolean): Value {
  const v = e.values[0]!;
  return isCopy(v) ? v : new RRef(new ArrayPlace(e.values, 0), mut);
}

// ---------------------------------------------------------------------------------------------- Option / Result / Poll

defineConst(['None', 'std::option::Option::None', 'Option::None', 'core::option::Option::None'], {
  value: () => NONE,
});
defineConst(withPrefixes('Poll::Pending', ['std::task', 'core::task']), { value: () => POLL_PENDING });
defineFn(['Some', 'Option::Some', 'std::option::Option::Some'], { pure, call: (_c, [v]) => some(v!) });
defineFn(['Ok', 'Result::Ok', 'std::result::Result::Ok'], { pure, call: (_c, [v]) => okVal(v ?? UNIT) });
defineFn(['Err', 'Result::Err', 'std::result::Result::Err'], { pure, call: (_c, [v]) => errVal(v!) });
defineFn(withPrefixes('Poll::Ready', ['std::task', 'core::task']), {
  pure,
  call: (_c, [v]) => pollReady(v ?? UNIT),
});

function unwrapFailed(ctx: CallCtx, e: REnum, msg: string | null): never {
  if (e.variant === 'None') return ctx.interp.panic(msg ?? 'called `Option::unwrap()` on a `None` value');
  const inner = debug(e.values[0]!, false);
  return ctx.interp.panic(
    msg ? `${msg}: ${inner}` : `called \`Result::unwrap()\` on an \`Err\` value: ${inner}`,
  );
}

const enumMethods: Record<string, MethodImpl> = {
  unwrap: (ctx, self) => {
    const e = enumOf(self);
    if (e.variant === 'Some' || e.variant === 'Ok' || e.variant === 'Ready') {
      if (viaRef(self)) return payloadRef(e, (self as RRef).mut);
      ctx.consume();
      return e.values[0]!;
    }
    return unwrapFailed(ctx, e, null);
  },
  expect: (ctx, self, [m]) => {
    const e = enumOf(self);
    if (e.variant === 'Some' || e.variant === 'Ok') {
      if (viaRef(self)) return payloadRef(e, (self as RRef).mut);
      ctx.consume();
      return e.values[0]!;
    }
    return unwrapFailed(ctx, e, str(m!) ?? '');
  },
  unwrap_err: (ctx, self) => {
    const e = enumOf(self);
    if (e.variant === 'Err') {
      ctx.consume();
      return e.values[0]!;
    }
    return ctx.interp.panic(
      `called \`Result::unwrap_err()\` on an \`Ok\` value: ${debug(e.values[0]!, false)}`,
    );
  },
  expect_err: (ctx, self, [m]) => {
    const e = enumOf(self);
    if (e.variant === 'Err') return e.values[0]!;
    return ctx.interp.panic(`${str(m!)}: ${debug(e.values[0]!, false)}`);
  },
  unwrap_or: (ctx, self, [d]) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Some' || e.variant === 'Ok' ? e.values[0]! : d!;
  },
  unwrap_or_default: (ctx, self) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Some' || e.variant === 'Ok' ? e.values[0]! : 0;
  },
  unwrap_or_else: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Some' || e.variant === 'Ok') return e.values[0]!;
    return callClosure(ctx, f!, e.variant === 'Err' ? [e.values[0]!] : []);
  },
  is_some: (_c, self) => enumOf(self).variant === 'Some',
  is_none: (_c, self) => enumOf(self).variant === 'None',
  is_ok: (_c, self) => enumOf(self).variant === 'Ok',
  is_err: (_c, self) => enumOf(self).variant === 'Err',
  is_ready: (_c, self) => enumOf(self).variant === 'Ready',
  is_pending: (_c, self) => enumOf(self).variant === 'Pending',
  ok: (ctx, self) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Ok' ? some(e.values[0]!) : NONE;
  },
  err: (ctx, self) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Err' ? some(e.values[0]!) : NONE;
  },
  /** `Option::take`: leaves `None` in the place. */
  take: (ctx, self) => {
    const e = enumOf(self);
    const p = ctx.place && !(self instanceof RRef) ? ctx.place : self instanceof RRef ? self.place : null;
    if (!p) return ctx.interp.unsupported('`take()` needs a place (a variable or a field)');
    p.set(NONE);
    return e;
  },
  replace: (ctx, self, [v]) => {
    const e = enumOf(self);
    const p = self instanceof RRef ? self.place : ctx.place;
    if (!p) return ctx.interp.unsupported('`replace()` needs a place');
    p.set(some(v!));
    return e;
  },
  insert: (ctx, self, [v]) => {
    const p = self instanceof RRef ? self.place : ctx.place;
    if (!p) return ctx.interp.unsupported('`insert()` needs a place');
    const old = deref(p.get());
    const e = some(v!);
    p.set(e);
    dropValue(ctx.interp, old);
    return new RRef(new ArrayPlace(e.values, 0), true);
  },
  get_or_insert: (ctx, self, [v]) => {
    const p = self instanceof RRef ? self.place : ctx.place;
    let e = enumOf(self);
    if (e.variant === 'None') {
      e = some(v!);
      p!.set(e);
    }
    return new RRef(new ArrayPlace(e.values, 0), true);
  },
  as_ref: (_ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    const p = new ArrayPlace(e.values, 0);
    const inner = isCopy(e.values[0]!) ? e.values[0]! : new RRef(p, false);
    return new REnum(e.enumName, e.variant, [inner], e.names, e.def);
  },
  as_mut: (_ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    return new REnum(e.enumName, e.variant, [new RRef(new ArrayPlace(e.values, 0), true)], e.names, e.def);
  },
  map: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Some' || e.variant === 'Ok' || e.variant === 'Ready') {
      return (function* () {
        const v = yield* callClosure(ctx, f!, [e.values[0]!]);
        return new REnum(e.enumName, e.variant, [v], null, e.def);
      })();
    }
    return e;
  },
  map_err: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Err') {
      return (function* () {
        const v = yield* callClosure(ctx, f!, [e.values[0]!]);
        return errVal(v);
      })();
    }
    return e;
  },
  and_then: (ctx, self, [f]) => {
    const e = enumOf(self);
    ctx.consume();
    if (e.variant === 'Some' || e.variant === 'Ok') return callClosure(ctx, f!, [e.values[0]!]);
    return e;
  },
  ok_or: (ctx, self, [err]) => {
    const e = enumOf(self);
    ctx.consume();
    return e.variant === 'Some' ? okVal(e.values[0]!) : errVal(err!);
  },
  is_some_and: (ctx, self, [f]) => {
    const e = enumOf(self);
    if (e.variant !== 'Some') return false;
    return callClosure(ctx, f!, [e.values[0]!]);
  },
  cloned: (ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    return new REnum(e.enumName, e.variant, [cloneValue(ctx.interp, deref(e.values[0]!))], e.names, e.def);
  },
  copied: (_ctx, self) => {
    const e = enumOf(self);
    if (e.values.length === 0) return e;
    return new REnum(e.enumName, e.variant, [deref(e.values[0]!)], e.names, e.def);
  },
};
defineMethods(REnum, enumMethods);

// ---------------------------------------------------------------------------------------------- generic

/** `x.clone()` auto-derefs through references and guards to the first type that is Clone. */
function cloneThrough(ctx: CallCtx, v: Value): Value {
  let x = deref(v);
  for (let i = 0; i < 16 && typeof x === 'object'; i++) {
    if (typeof (x as { cloneValue?: unknown }).cloneValue === 'function') break;
    const p = (x as { derefPlace?: () => Place | null }).derefPlace?.call(x);
    if (!p) break;
    x = deref(p.get());
  }
  return cloneValue(ctx.interp, x);
}

defineMethods(RObject, {
  clone: (ctx, self) => cloneThrough(ctx, self),
  to_string: (_c, self) => new RString(display(self)),
  to_owned: (ctx, self) => cloneThrough(ctx, self),
  eq: (_c, self, [o]) => equals(self, o!),
  ne: (_c, self, [o]) => !equals(self, o!),
  cmp: (ctx, self, [o]) => orderingOf(compare(self, o!, (m) => ctx.interp.panic(m))),
  partial_cmp: (ctx, self, [o]) => some(orderingOf(compare(self, o!, (m) => ctx.interp.panic(m)))),
});

function orderingOf(c: number): Value {
  return new REnum('Ordering', c < 0 ? 'Less' : c > 0 ? 'Greater' : 'Equal', []);
}
defineConst(withPrefixes('Ordering::Less', ['std::cmp', 'core::cmp']), { value: () => orderingOf(-1) });
defineConst(withPrefixes('Ordering::Equal', ['std::cmp', 'core::cmp']), { value: () => orderingOf(0) });
defineConst(withPrefixes('Ordering::Greater', ['std::cmp', 'core::cmp']), { value: () => orderingOf(1) });

// ---------------------------------------------------------------------------------------------- integers

const INT_TYPES = ['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize'];
const INT_MAX: Record<string, number> = {
  u8: 255,
  u16: 65535,
  u32: 4294967295,
  u64: 2 ** 64 - 1,
  u128: 2 ** 128 - 1,
  usize: 2 ** 64 - 1,
  i8: 127,
  i16: 32767,
  i32: 2147483647,
  i64: 2 ** 63 - 1,
  i128: 2 ** 127 - 1,
  isize: 2 ** 63 - 1,
};
for (const t of INT_TYPES) {
  defineConst(withPrefixes(`${t}::MAX`, ['std', 'core']), { value: () => INT_MAX[t]! });
  defineConst(withPrefixes(`${t}::MIN`, ['std', 'core']), {
    value: () => (t.startsWith('u') ? 0 : -INT_MAX[t]! - 1),
  });
}

Object.assign(primitiveMethods.int, {
  abs: (_c, s) => Math.abs(deref(s) as number),
  pow: (_c, s, [e]) => (deref(s) as number) ** (deref(e!) as number),
  min: (_c, s, [o]) => Math.min(deref(s) as number, deref(o!) as number),
  max: (_c, s, [o]) => Math.max(deref(s) as number, deref(o!) as number),
  clone: (_c, s) => deref(s),
  to_string: (_c, s) => new RString(display(s)),
  wrapping_add: (_c, s, [o]) => (deref(s) as number) + (deref(o!) as number),
  wrapping_sub: (_c, s, [o]) => (deref(s) as number) - (deref(o!) as number),
  wrapping_mul: (_c, s, [o]) => (deref(s) as number) * (deref(o!) as number),
  saturating_sub: (_c, s, [o]) => Math.max(0, (deref(s) as number) - (deref(o!) as number)),
  saturating_add: (_c, s, [o]) => (deref(s) as number) + (deref(o!) as number),
  checked_add: (_c, s, [o]) => some((deref(s) as number) + (deref(o!) as number)),
  checked_sub: (_c, s, [o]) => {
    const r = (deref(s) as number) - (deref(o!) as number);
    return r < 0 ? NONE : some(r);
  },
  checked_div: (_c, s, [o]) =>
    (deref(o!) as number) === 0 ? NONE : some(Math.trunc((deref(s) as number) / (deref(o!) as number))),
  is_positive: (_c, s) => (deref(s) as number) > 0,
  is_negative: (_c, s) => (deref(s) as number) < 0,
  count_ones: (_c, s) => (deref(s) as number).toString(2).replace(/0/g, '').length,
  cmp: (ctx, s, [o]) => orderingOf(compare(s, o!, (m) => ctx.interp.panic(m))),
  eq: (_c, s, [o]) => equals(s, o!),
} satisfies Record<string, MethodImpl>);

Object.assign(primitiveMethods.bool, {
  clone: (_c, s) => deref(s),
  to_string: (_c, s) => new RString(display(s)),
  then_some: (_c, s, [v]) => ((deref(s) as boolean) ? some(v!) : NONE),
} satisfies Record<string, MethodImpl>);

defineMethods(F64, {
  sqrt: (_c, s) => new F64(Math.sqrt((deref(s) as F64).v)),
  abs: (_c, s) => new F64(Math.abs((deref(s) as F64).v)),
  round: (_c, s) => new F64(Math.round((deref(s) as F64).v)),
  floor: (_c, s) => new F64(Math.floor((deref(s) as F64).v)),
  ceil: (_c, s) => new F64(Math.ceil((deref(s) as F64).v)),
  min: (_c, s, [o]) => new F64(Math.min((deref(s) as F64).v, (deref(o!) as F64).v)),
  max: (_c, s, [o]) => new F64(Math.max((deref(s) as F64).v, (deref(o!) as F64).v)),
});

// ---------------------------------------------------------------------------------------------- strings

defineFn(withPrefixes('String::new', ['std::string']), { pure, call: () => new RString('') });
defineFn(withPrefixes('String::with_capacity', ['std::string']), { pure, call: () => new RString('') });
defineFn(withPrefixes('String::from', ['std::string']), {
  pure,
  call: (_c, [v]) => new RString(str(v!) ?? display(v!)),
});
defineFn(withPrefixes('String::from_utf8_lossy', ['std::string']), {
  pure,
  call: (_c, [v]) => new RString(bytesToString(deref(v!))),
});
defineFn(withPrefixes('String::from_utf8', ['std::string']), {
  pure,
  call: (_c, [v]) => {
    const x = deref(v!);
    const d = utf8Decode((x instanceof RVec ? x.items : []).map((b) => deref(b) as number));
    return d.valid ? okVal(new RString(d.text)) : errVal(new RString('invalid utf-8 sequence'));
  },
});
defineFn(['std::str::from_utf8', 'str::from_utf8', 'core::str::from_utf8'], {
  pure,
  call: (_c, [v]) => {
    const x = deref(v!);
    const d = utf8Decode((x instanceof RVec ? x.items : []).map((b) => deref(b) as number));
    return d.valid ? okVal(d.text) : errVal(new RString('invalid utf-8 sequence'));
  },
});

function bytesToString(v: Value): string {
  const items = v instanceof RVec ? v.items : [];
  return utf8Decode(items.map((x) => deref(x) as number)).text;
}

const strMethods: Record<string, MethodImpl> = {
  len: (_c, s) => utf8Encode(str(s)!).length,
  is_empty: (_c, s) => str(s)!.length === 0,
  to_string: (_c, s) => new RString(str(s)!),
  to_owned: (_c, s) => new RString(str(s)!),
  into: (_c, s) => new RString(str(s)!),
  clone: (_c, s) => (deref(s) instanceof RString ? new RString(str(s)!) : str(s)!),
  as_str: (_c, s) => str(s)!,
  trim: (_c, s) => str(s)!.trim(),
  to_uppercase: (_c, s) => new RString(str(s)!.toUpperCase()),
  to_lowercase: (_c, s) => new RString(str(s)!.toLowerCase()),
  contains: (_c, s, [p]) => str(s)!.includes(str(p!) ?? (deref(p!) as RChar).c),
  starts_with: (_c, s, [p]) => str(s)!.startsWith(str(p!) ?? (deref(p!) as RChar).c),
  ends_with: (_c, s, [p]) => str(s)!.endsWith(str(p!) ?? (deref(p!) as RChar).c),
  replace: (_c, s, [a, b]) => new RString(str(s)!.split(str(a!)!).join(str(b!)!)),
  repeat: (_c, s, [n]) => new RString(str(s)!.repeat(deref(n!) as number)),
  chars: (_c, s) => new RIter([...str(s)!].map((c) => new RChar(c))[Symbol.iterator](), 'Chars'),
  bytes: (_c, s) => new RIter(utf8Encode(str(s)!)[Symbol.iterator](), 'Bytes'),
  as_bytes: (_c, s) => new RVec(utf8Encode(str(s)!), true),
  lines: (_c, s) =>
    listIter(
      str(s)!
        .split('\n')
        .filter((l, i, a) => i < a.length - 1 || l !== ''),
      'Lines',
    ),
  split_whitespace: (_c, s) =>
    listIter(
      str(s)!
        .split(/\s+/)
        .filter((x) => x !== ''),
      'SplitWhitespace',
    ),
  split: (_c, s, [p]) => listIter(str(s)!.split(str(p!) ?? (deref(p!) as RChar).c), 'Split'),
  parse: (ctx, s) => {
    const t = str(s)!.trim();
    const ty = ctx.generics[0];
    const isFloat = ty?.k === 'path' && (ty.segs[0] === 'f64' || ty.segs[0] === 'f32');
    if (isFloat)
      return Number.isNaN(Number(t)) || t === ''
        ? errVal(new RString('invalid float literal'))
        : okVal(new F64(Number(t)));
    return /^[+-]?\d+$/.test(t) ? okVal(Number(t)) : errVal(new RString('invalid digit found in string'));
  },
  eq: (_c, s, [o]) => equals(s, o!),
};
Object.assign(primitiveMethods.str, strMethods);
defineMethods(RString, {
  ...strMethods,
  push_str: (ctx, s, [o]) => {
    (deref(s) as RString).s += str(o!) ?? '';
    void ctx;
    return UNIT;
  },
  push: (_c, s, [ch]) => {
    (deref(s) as RString).s += (deref(ch!) as RChar).c;
    return UNIT;
  },
  clear: (_c, s) => {
    (deref(s) as RString).s = '';
    return UNIT;
  },
  capacity: (_c, s) => (deref(s) as RString).s.length,
  pop: (_c, s) => {
    const r = deref(s) as RString;
    if (!r.s) return NONE;
    const chars = [...r.s];
    const last = chars.pop()!;
    r.s = chars.join('');
    return some(new RChar(last));
  },
});

defineMethods(RChar, {
  is_alphabetic: (_c, s) => /\p{L}/u.test((deref(s) as RChar).c),
  is_numeric: (_c, s) => /\p{N}/u.test((deref(s) as RChar).c),
  is_whitespace: (_c, s) => /\s/.test((deref(s) as RChar).c),
  to_ascii_uppercase: (_c, s) => new RChar((deref(s) as RChar).c.toUpperCase()),
  to_digit: (_c, s, [r]) => {
    const d = parseInt((deref(s) as RChar).c, deref(r!) as number);
    return Number.isNaN(d) ? NONE : some(d);
  },
});

// ---------------------------------------------------------------------------------------------- Vec

defineFn(withPrefixes('Vec::new', ['std::vec']), { pure, call: () => new RVec([]) });
defineFn(withPrefixes('Vec::with_capacity', ['std::vec']), { pure, call: () => new RVec([]) });

function vecOf(self: Value): RVec {
  return deref(self) as RVec;
}

defineMethods(RVec, {
  len: (_c, s) => vecOf(s).items.length,
  is_empty: (_c, s) => vecOf(s).items.length === 0,
  capacity: (_c, s) => vecOf(s).items.length,
  push: (_c, s, [v]) => {
    vecOf(s).items.push(v!);
    return UNIT;
  },
  pop: (_c, s) => {
    const v = vecOf(s).items.pop();
    return v === undefined ? NONE : some(v);
  },
  clear: (ctx, s) => {
    const items = vecOf(s).items.splice(0);
    for (const x of items) dropValue(ctx.interp, x);
    return UNIT;
  },
  insert: (_c, s, [i, v]) => {
    vecOf(s).items.splice(deref(i!) as number, 0, v!);
    return UNIT;
  },
  remove: (ctx, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    if (n >= v.items.length)
      return ctx.interp.panic(`removal index (is ${n}) should be < len (is ${v.items.length})`);
    return v.items.splice(n, 1)[0]!;
  },
  swap_remove: (_c, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    const x = v.items[n]!;
    v.items[n] = v.items[v.items.length - 1]!;
    v.items.pop();
    return x;
  },
  truncate: (ctx, s, [n]) => {
    const removed = vecOf(s).items.splice(deref(n!) as number);
    for (const x of removed) dropValue(ctx.interp, x);
    return UNIT;
  },
  contains: (_c, s, [v]) => vecOf(s).items.some((x) => equals(x, v!)),
  get: (_c, s, [i]) => {
    const v = vecOf(s);
    const n = deref(i!) as number;
    if (n < 0 || n >= v.items.length) return NONE;
    const x = v.items[n]!;
    return some(isCopy(x) ? x : new RRef(new ArrayPlace(v.items, n), false));
  },
  first: (_c, s) => {
    const v = vecOf(s);
    return v.items.length
      ? some(isCopy(v.items[0]!) ? v.items[0]! : new RRef(new ArrayPlace(v.items, 0), false))
      : NONE;
  },
  last: (_c, s) => {
    const v = vecOf(s);
    const n = v.items.length - 1;
    return n >= 0
      ? some(isCopy(v.items[n]!) ? v.items[n]! : new RRef(new ArrayPlace(v.items, n), false))
      : NONE;
  },
  iter: (_c, s) => new RIter(vecRefs(vecOf(s), false), 'Iter'),
  iter_mut: (_c, s) => new RIter(vecRefs(vecOf(s), true), 'IterMut'),
  into_iter: (ctx, s) => {
    ctx.consume();
    return s instanceof RRef
      ? new RIter(vecRefs(vecOf(s), s.mut), 'Iter')
      : new RIter(vecOf(s).items[Symbol.iterator](), 'IntoIter');
  },
  sort: (ctx, s) => {
    vecOf(s).items.sort((a, b) => compare(a, b, (m) => ctx.interp.panic(m)));
    return UNIT;
  },
  sort_unstable: (ctx, s) => {
    vecOf(s).items.sort((a, b) => compare(a, b, (m) => ctx.interp.panic(m)));
    return UNIT;
  },
  reverse: (_c, s) => {
    vecOf(s).items.reverse();
    return UNIT;
  },
  join: (_c, s, [sep]) =>
    new RString(
      vecOf(s)
        .items.map((x) => display(x))
        .join(str(sep!) ?? ''),
    ),
  concat: (_c, s) =>
    new RString(
      vecOf(s)
        .items.map((x) => display(x))
        .join(''),
    ),
  extend: (ctx, s, [other]) => {
    const o = deref(other!);
    if (o instanceof RVec) vecOf(s).items.push(...o.items);
    else if (o instanceof RIter)
      for (let n = o.it.next(); !n.done; n = o.it.next()) vecOf(s).items.push(n.value);
    else return ctx.interp.unsupported('extend() takes a Vec or an iterator');
    return UNIT;
  },
  extend_from_slice: (_c, s, [other]) => {
    vecOf(s).items.push(...(deref(other!) as RVec).items);
    return UNIT;
  },
  to_vec: (ctx, s) => new RVec(vecOf(s).items.map((x) => cloneValue(ctx.interp, deref(x)))),
  retain: (ctx, s, [f]) => {
    const v = vecOf(s);
    return (function* () {
      const keep: Value[] = [];
      for (const x of v.items) {
        const k = yield* callClosure(ctx, f!, [
          isCopy(x) ? x : new RRef({ get: () => x, set: () => {} }, false),
        ]);
        if (deref(k) === true) keep.push(x);
        else dropValue(ctx.interp, x);
      }
      v.items = keep;
      return UNIT;
    })();
  },
  drain: (_c, s, [r]) => {
    const v = vecOf(s);
    const range = deref(r!) as RRange;
    const from = (range.from as number | null) ?? 0;
    const to = range.to === null ? v.items.length : (range.to as number) + (range.inclusive ? 1 : 0);
    return new RIter(v.items.splice(from, to - from)[Symbol.iterator](), 'Drain');
  },
  swap: (_c, s, [a, b]) => {
    const v = vecOf(s);
    const i = deref(a!) as number;
    const j = deref(b!) as number;
    [v.items[i], v.items[j]] = [v.items[j]!, v.items[i]!];
    return UNIT;
  },
  // Slicing by a range (`&buf[..n]`) goes through `index`; here the explicit forms.
  as_slice: (_c, s) => s,
});

// ---------------------------------------------------------------------------------------------- iterators

function* iterOf(v: Value): Generator<Value> {
  const x = deref(v);
  if (x instanceof RIter) {
    for (let n = x.it.next(); !n.done; n = x.it.next()) yield n.value;
    return;
  }
  if (x instanceof RVec) {
    yield* x.items;
    return;
  }
  if (x instanceof RRange) {
    const end = x.to === null ? Infinity : (x.to as number) + (x.inclusive ? 1 : 0);
    for (let i = x.from as number; i < end; i++) yield i;
  }
}

const iterMethods: Record<string, MethodImpl> = {
  enumerate: (_c, s) =>
    new RIter(
      (function* () {
        let i = 0;
        for (const v of iterOf(s)) yield new RTuple([i++, v]);
      })(),
      'Enumerate',
    ),
  rev: (_c, s) => new RIter([...iterOf(s)].reverse()[Symbol.iterator](), 'Rev'),
  skip: (_c, s, [n]) => new RIter([...iterOf(s)].slice(deref(n!) as number)[Symbol.iterator](), 'Skip'),
  take: (_c, s, [n]) =>
    new RIter(
      (function* () {
        let k = deref(n!) as number;
        if (k <= 0) return;
        for (const v of iterOf(s)) {
          yield v;
          if (--k <= 0) return;
        }
      })(),
      'Take',
    ),
  step_by: (_c, s, [n]) =>
    new RIter(
      (function* () {
        let i = 0;
        const k = deref(n!) as number;
        for (const v of iterOf(s)) if (i++ % k === 0) yield v;
      })(),
      'StepBy',
    ),
  zip: (_c, s, [o]) =>
    new RIter(
      (function* () {
        const b = iterOf(o!);
        for (const v of iterOf(s)) {
          const w = b.next();
          if (w.done) return;
          yield new RTuple([v, w.value]);
        }
      })(),
      'Zip',
    ),
  count: (_c, s) => [...iterOf(s)].length,
  sum: (_c, s) => [...iterOf(s)].reduce<number>((a, b) => a + (deref(b) as number), 0),
  max: (ctx, s) => {
    const xs = [...iterOf(s)];
    if (!xs.length) return NONE;
    return some(xs.reduce((a, b) => (compare(b, a, (m) => ctx.interp.panic(m)) >= 0 ? b : a)));
  },
  min: (ctx, s) => {
    const xs = [...iterOf(s)];
    if (!xs.length) return NONE;
    return some(xs.reduce((a, b) => (compare(b, a, (m) => ctx.interp.panic(m)) < 0 ? b : a)));
  },
  next: (_c, s) => {
    const x = deref(s);
    if (x instanceof RIter) {
      const n = x.it.next();
      return n.done ? NONE : some(n.value);
    }
    return NONE;
  },
  last: (_c, s) => {
    const xs = [...iterOf(s)];
    return xs.length ? some(xs[xs.length - 1]!) : NONE;
  },
  collect: (ctx, s) => {
    const ty = ctx.generics[0];
    const items = [...iterOf(s)];
    if (ty?.k === 'path' && ty.segs[0] === 'String')
      return new RString(items.map((x) => display(x)).join(''));
    return new RVec(items);
  },
  cloned: (ctx, s) =>
    new RIter([...iterOf(s)].map((x) => cloneValue(ctx.interp, deref(x)))[Symbol.iterator](), 'Cloned'),
  copied: (_c, s) => new RIter([...iterOf(s)].map((x) => deref(x))[Symbol.iterator](), 'Copied'),
  map: (ctx, s, [f]) =>
    (function* () {
      const out: Value[] = [];
      for (const v of iterOf(s)) out.push(yield* callClosure(ctx, f!, [v]));
      return new RIter(out[Symbol.iterator](), 'Map');
    })(),
  filter: (ctx, s, [f]) =>
    (function* () {
      const out: Value[] = [];
      for (const v of iterOf(s))
        if (deref(yield* callClosure(ctx, f!, [new RRef({ get: () => v, set: () => {} }, false)])) === true)
          out.push(v);
      return new RIter(out[Symbol.iterator](), 'Filter');
    })(),
  for_each: (ctx, s, [f]) =>
    (function* () {
      for (const v of iterOf(s)) yield* callClosure(ctx, f!, [v]);
      return UNIT;
    })(),
  any: (ctx, s, [f]) =>
    (function* () {
      for (const v of iterOf(s)) if (deref(yield* callClosure(ctx, f!, [v])) === true) return true;
      return false;
    })(),
  all: (ctx, s, [f]) =>
    (function* () {
      for (const v of iterOf(s)) if (deref(yield* callClosure(ctx, f!, [v])) !== true) return false;
      return true;
    })(),
  into_iter: (_c, s) => s,
  iter: (_c, s) => s,
};
defineMethods(RIter, iterMethods);
defineMethods(RRange, {
  ...iterMethods,
  contains: (ctx, s, [v]) => {
    const r = deref(s) as RRange;
    const x = deref(v!);
    const lo = r.from === null || compare(x, r.from, (m) => ctx.interp.panic(m)) >= 0;
    const hi =
      r.to === null ||
      (r.inclusive
        ? compare(x, r.to, (m) => ctx.interp.panic(m)) <= 0
        : compare(x, r.to, (m) => ctx.interp.panic(m)) < 0);
    return lo && hi;
  },
  len: (_c, s) => [...iterOf(s)].length,
});

// ---------------------------------------------------------------------------------------------- Duration, std Instant

const DUR = ['std::time', 'tokio::time', 'core::time'];
defineFn(withPrefixes('Duration::from_secs', DUR), {
  pure,
  call: (c, [n]) => new RDuration(num(c, n) * 1e9),
});
defineFn(withPrefixes('Duration::from_millis', DUR), {
  pure,
  call: (c, [n]) => new RDuration(num(c, n) * 1e6),
});
defineFn(withPrefixes('Duration::from_micros', DUR), {
  pure,
  call: (c, [n]) => new RDuration(num(c, n) * 1e3),
});
defineFn(withPrefixes('Duration::from_nanos', DUR), { pure, call: (c, [n]) => new RDuration(num(c, n)) });
defineFn(withPrefixes('Duration::from_secs_f64', DUR), {
  pure,
  call: (_c, [n]) => new RDuration(Math.round((deref(n!) as F64).v * 1e9)),
});
defineFn(withPrefixes('Duration::new', DUR), {
  pure,
  call: (c, [s, ns]) => new RDuration(num(c, s) * 1e9 + num(c, ns)),
});
defineConst(withPrefixes('Duration::ZERO', DUR), { value: () => new RDuration(0) });
defineConst(withPrefixes('Duration::MAX', DUR), { value: () => new RDuration(Number.MAX_SAFE_INTEGER) });

function dur(v: Value): RDuration {
  return deref(v) as RDuration;
}
defineMethods(RDuration, {
  as_secs: (_c, s) => Math.floor(dur(s).ns / 1e9),
  as_millis: (_c, s) => Math.floor(dur(s).ns / 1e6),
  as_micros: (_c, s) => Math.floor(dur(s).ns / 1e3),
  as_nanos: (_c, s) => dur(s).ns,
  as_secs_f64: (_c, s) => new F64(dur(s).ns / 1e9),
  as_secs_f32: (_c, s) => new F64(dur(s).ns / 1e9),
  subsec_millis: (_c, s) => Math.floor((dur(s).ns % 1e9) / 1e6),
  subsec_nanos: (_c, s) => dur(s).ns % 1e9,
  is_zero: (_c, s) => dur(s).ns === 0,
  checked_sub: (_c, s, [o]) => (dur(s).ns >= dur(o!).ns ? some(new RDuration(dur(s).ns - dur(o!).ns)) : NONE),
  saturating_sub: (_c, s, [o]) => new RDuration(Math.max(0, dur(s).ns - dur(o!).ns)),
  mul_f64: (_c, s, [f]) => new RDuration(Math.round(dur(s).ns * (deref(f!) as F64).v)),
});

defineFn(withPrefixes('Instant::now', ['std::time']), {
  pure,
  call: (ctx) => new RInstant(ctx.world.machine.current.clock, false),
});

function inst(v: Value): RInstant {
  return deref(v) as RInstant;
}
defineMethods(RInstant, {
  elapsed: (ctx, s) => {
    const i = inst(s);
    const now = i.tokio ? ctx.world.time.now() : ctx.world.machine.current.clock;
    return new RDuration(Math.max(0, now - i.ns));
  },
  duration_since: (_c, s, [o]) => new RDuration(Math.max(0, inst(s).ns - inst(o!).ns)),
  saturating_duration_since: (_c, s, [o]) => new RDuration(Math.max(0, inst(s).ns - inst(o!).ns)),
  checked_duration_since: (_c, s, [o]) =>
    inst(s).ns >= inst(o!).ns ? some(new RDuration(inst(s).ns - inst(o!).ns)) : NONE,
});

// ---------------------------------------------------------------------------------------------- Arc, Box, Pin, mem

/** `Arc<T>`: shared ownership; the value is dropped with the last strong reference. */
export class RArc extends RObject {
  private gone = false;
  constructor(readonly inner: { value: Value; strong: number }) {
    super();
  }
  typeName(): string {
    return `Arc<${typeof this.inner.value === 'object' ? this.inner.value.typeName() : typeof this.inner.value}>`;
  }
  derefPlace(): Place {
    const inner = this.inner;
    return { get: () => inner.value, set: (v) => (inner.value = v) };
  }
  cloneValue(): Value {
    this.inner.strong++;
    return new RArc(this.inner);
  }
  dropValue(interp: { world: unknown }): void {
    if (this.gone) return;
    this.gone = true;
    if (--this.inner.strong === 0) dropValue(interp as never, this.inner.value);
  }
  fmtDebug(pretty: boolean): string {
    return debug(this.inner.value, pretty);
  }
  fmtDisplay(): string {
    return display(this.inner.value);
  }
}

const ARC = ['std::sync', 'alloc::sync'];
defineFn(withPrefixes('Arc::new', ARC), { pure, call: (_c, [v]) => new RArc({ value: v!, strong: 1 }) });
defineFn(withPrefixes('Arc::clone', ARC), { pure, call: (_c, [a]) => (deref(a!) as RArc).cloneValue() });
defineFn(withPrefixes('Arc::strong_count', ARC), {
  pure,
  call: (_c, [a]) => (deref(a!) as RArc).inner.strong,
});
defineFn(withPrefixes('Arc::ptr_eq', ARC), {
  pure,
  call: (_c, [a, b]) => (deref(a!) as RArc).inner === (deref(b!) as RArc).inner,
});
defineMethods(RArc, { clone: (_c, s) => (deref(s) as RArc).cloneValue() });

// Box and Pin are transparent: the simulator has no addresses to protect.
defineFn(withPrefixes('Box::new', ['std::boxed']), { pure, call: (_c, [v]) => v! });
defineFn(withPrefixes('Box::pin', ['std::boxed']), { pure, call: (_c, [v]) => v! });
defineFn(withPrefixes('Pin::new', ['std::pin', 'core::pin']), { pure, call: (_c, [v]) => v! });
defineFn(withPrefixes('Pin::new_unchecked', ['std::pin', 'core::pin']), { pure, call: (_c, [v]) => v! });

defineFn(['drop', 'std::mem::drop', 'core::mem::drop', 'mem::drop'], {
  pure,
  call: (ctx, [v]) => {
    dropValue(ctx.interp, v!);
    return UNIT;
  },
});
defineFn(['std::mem::replace', 'mem::replace', 'core::mem::replace'], {
  pure,
  call: (ctx, [dest, v]) => {
    const r = dest as RRef;
    if (!(r instanceof RRef))
      return ctx.interp.unsupported('`mem::replace` takes `&mut place` as its first argument');
    const old = r.place.get();
    r.place.set(v!);
    return old;
  },
});
defineFn(['std::mem::take', 'mem::take', 'core::mem::take'], {
  pure,
  call: (ctx, [dest]) => {
    const r = dest as RRef;
    if (!(r instanceof RRef)) return ctx.interp.unsupported('`mem::take` takes `&mut place`');
    const old = r.place.get();
    const x = deref(old);
    r.place.set(
      x instanceof REnum && x.enumName === 'Option'
        ? NONE
        : x instanceof RVec
          ? new RVec([])
          : x instanceof RString
            ? new RString('')
            : 0,
    );
    return old;
  },
});
defineFn(['std::mem::swap', 'mem::swap', 'core::mem::swap'], {
  pure,
  call: (ctx, [a, b]) => {
    if (!(a instanceof RRef) || !(b instanceof RRef))
      return ctx.interp.unsupported('`mem::swap` takes two `&mut` places');
    const x = a.place.get();
    a.place.set(b.place.get());
    b.place.set(x);
    return UNIT;
  },
});

// Pin projections used inside `impl Future`: all identity on references.
const pinMethods: Record<string, MethodImpl> = {
  as_mut: (_c, s) => s,
  get_mut: (_c, s) => s,
  get_ref: (_c, s) => s,
};
defineMethods(RRef, pinMethods);

defineMethods(RStruct, {});
defineMethods(RTuple, {});

export function unitResult(v: NativeResult): NativeResult {
  return v;
}
