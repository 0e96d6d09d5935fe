/** `String`, `&str` and `char`, and `std::str::from_utf8`. */
import { utf8Decode, utf8Encode } from '../../../base';
import { display } from '../../format';
import { parseNumber } from './num-parse';
import { RIter } from '../../interp/iterate';
import { equals } from '../../interp/ops';
import {
  defineFn,
  defineMethods,
  primitiveMethods,
  withPrefixes,
  type MethodImpl,
} from '../../interp/registry';
import { deref, errVal, NONE, okVal, RChar, RString, RVec, some, UNIT, type Value } from '../../values';
import { listIter, pure, str } from '../support';

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
  /** `str::parse`: numbers as `FromStr` for the numeric types parses them (num-parse.ts). */
  parse: (ctx, s) => {
    const t = str(s)!;
    const n = parseNumber(ctx, t);
    if (n !== null) return n;
    return ctx.interp.unsupported(`\`parse\` into this type is not supported by Pollscope yet`, ctx.span);
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
