/** `String`, `&str` and `char`, and `std::str::from_utf8`. */
import { utf8Decode, utf8Encode } from '../../../base';
import { display } from '../../format';
import { RIter } from '../../interp/iterate';
import { equals } from '../../interp/ops';
import {
  defineFn,
  defineMethods,
  primitiveMethods,
  withPrefixes,
  type MethodImpl,
} from '../../interp/registry';
import { deref, errVal, F64, NONE, okVal, RChar, RString, RVec, some, UNIT, type Value } from '../../values';
import { listIter, pure, str } from '../support';

defineFn(withPrefixes('String::new', ['std::string']), { pure, call: () => new RString('') });
defineFn(withPrefixes('String::with_capacity', ['std::string']), { pure, call: () => new RString('') });
defineFn(withPrefixes('String::from', ['std::string']), {
  pure,
  arity: 1,
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
  replace: (ctx, s, [a, b]) => {
    const parts = str(s)!.split(str(a!)!);
    const sep = str(b!)!;
    ctx.world.memory.reserveString(str(s)!.length + (parts.length - 1) * (sep.length - str(a!)!.length));
    return new RString(parts.join(sep));
  },
  /** Checked before it is built: `"x".repeat(1 << 30)` ends in the memory limit, not a RangeError. */
  repeat: (ctx, s, [n]) => {
    const text = str(s)!;
    const times = deref(n!);
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0)
      return ctx.interp.unsupported('`repeat` takes a count of type `usize`');
    ctx.world.memory.reserveString(text.length * times);
    return new RString(text.repeat(times));
  },
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
  // Growth is charged by the interpreter after the call (it tracks the receiver); the engine's string limit
  // must be checked before.
  push_str: (ctx, s, [o]) => {
    const r = deref(s) as RString;
    const add = str(o!) ?? '';
    ctx.world.memory.reserveString(r.s.length + add.length);
    r.s += add;
    return UNIT;
  },
  push: (ctx, s, [ch]) => {
    const r = deref(s) as RString;
    ctx.world.memory.reserveString(r.s.length + 2);
    r.s += (deref(ch!) as RChar).c;
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
