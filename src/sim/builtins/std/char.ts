/**
 * `char` (core/src/char/methods.rs): Unicode classification (`is_alphabetic`, `is_numeric`,
 * `is_whitespace`, …), the ASCII family, `to_digit` / `is_digit`, case mapping (`to_uppercase` yields an
 * iterator of chars, printable with `{}`), `len_utf8`, and `char::from_u32` / `from_digit` / `from`.
 * Also the method-as-function paths learners pass to adapters: `.filter(char::is_alphanumeric)`,
 * `.map(str::to_uppercase)`, `.filter_map(Result::ok)`, `.map(ToString::to_string)`.
 */
import { display } from '../../format';
import { ListIter } from '../../interp/iter-sources';
import {
  defineFn,
  defineMethods,
  findMethod,
  primitiveMethods,
  type MethodImpl,
} from '../../interp/registry';
import { utf8Len } from '../../str-bytes';
import { deref, NONE, RChar, RRef, RString, some, type Value } from '../../values';
import { pure } from '../support';
import { STR_METHODS } from './str-methods';
import { isWhiteSpace } from './str-pattern';

/** `ToUppercase` / `ToLowercase`: an iterator of chars that prints as the mapped text. */
class CaseIter extends ListIter {
  constructor(
    private readonly mapped: string,
    label: string,
  ) {
    super(
      [...mapped].map((c) => new RChar(c)),
      label,
    );
  }
  fmtDisplay(): string {
    return this.mapped;
  }
}

const ch = (v: Value): string => (deref(v) as RChar).c;
const code = (v: Value): number => ch(v).codePointAt(0)!;
const test =
  (re: RegExp): MethodImpl =>
  (_c, s) =>
    re.test(ch(s));

function digitOf(c: string, radix: number): number | null {
  const x = c.codePointAt(0)!;
  let d: number;
  if (x >= 48 && x <= 57) d = x - 48;
  else if (x >= 97 && x <= 122) d = x - 97 + 10;
  else if (x >= 65 && x <= 90) d = x - 65 + 10;
  else return null;
  return d < radix ? d : null;
}

const radixOf = (v: Value | undefined): number => (v === undefined ? 10 : (deref(v) as number));

export const CHAR_METHODS: Record<string, MethodImpl> = {
  is_alphabetic: test(/^\p{Alphabetic}$/u),
  is_numeric: test(/^\p{N}$/u),
  is_alphanumeric: test(/^[\p{Alphabetic}\p{N}]$/u),
  is_whitespace: (_c, s) => isWhiteSpace(ch(s)),
  is_uppercase: test(/^\p{Uppercase}$/u),
  is_lowercase: test(/^\p{Lowercase}$/u),
  is_control: test(/^\p{Cc}$/u),
  is_ascii: (_c, s) => code(s) < 0x80,
  is_ascii_alphabetic: test(/^[A-Za-z]$/),
  is_ascii_uppercase: test(/^[A-Z]$/),
  is_ascii_lowercase: test(/^[a-z]$/),
  is_ascii_alphanumeric: test(/^[A-Za-z0-9]$/),
  is_ascii_digit: test(/^[0-9]$/),
  is_ascii_hexdigit: test(/^[0-9A-Fa-f]$/),
  is_ascii_punctuation: test(/^[!-/:-@[-`{-~]$/),
  is_ascii_graphic: test(/^[!-~]$/),
  is_ascii_whitespace: test(/^[ \t\n\f\r]$/),
  is_ascii_control: (_c, s) => code(s) < 0x20 || code(s) === 0x7f,
  is_digit: (_c, s, [r]) => digitOf(ch(s), radixOf(r)) !== null,
  to_digit: (ctx, s, [r]) => {
    const radix = radixOf(r);
    if (radix < 2 || radix > 36)
      return ctx.interp.panic('to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive');
    const d = digitOf(ch(s), radix);
    return d === null ? NONE : some(d);
  },
  to_ascii_uppercase: (_c, s) => new RChar(ch(s).replace(/[a-z]/, (c) => c.toUpperCase())),
  to_ascii_lowercase: (_c, s) => new RChar(ch(s).replace(/[A-Z]/, (c) => c.toLowerCase())),
  to_uppercase: (_c, s) => new CaseIter(ch(s).toUpperCase(), 'ToUppercase'),
  to_lowercase: (_c, s) => new CaseIter(ch(s).toLowerCase(), 'ToLowercase'),
  eq_ignore_ascii_case: (_c, s, [o]) =>
    ch(s).toLowerCase() === ch(o!).toLowerCase() && code(s) < 0x80 === code(o!) < 0x80,
  len_utf8: (_c, s) => utf8Len(code(s)),
  len_utf16: (_c, s) => (code(s) > 0xffff ? 2 : 1),
  is_char_boundary: () => true,
};
defineMethods(RChar, 'char', CHAR_METHODS);

defineFn(['char::from_u32', 'std::char::from_u32', 'core::char::from_u32'], {
  pure,
  call: (_c, [v]) => {
    const n = deref(v!) as number;
    return n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff)
      ? some(new RChar(String.fromCodePoint(n)))
      : NONE;
  },
});
defineFn(['char::from_digit', 'std::char::from_digit', 'core::char::from_digit'], {
  pure,
  call: (ctx, [d, r]) => {
    const n = deref(d!) as number;
    const radix = radixOf(r);
    if (radix < 2 || radix > 36) return ctx.interp.panic('from_digit: radix is too high (maximum 36)');
    return n < radix ? some(new RChar(n.toString(36))) : NONE;
  },
});
defineFn(['char::from', 'std::char::from'], {
  pure,
  call: (_c, [v]) => {
    const x = deref(v!);
    return x instanceof RChar ? x : new RChar(String.fromCodePoint(x as number));
  },
});

/** `Type::method` used as a function value: calls the method on the first argument. */
function ufcs(name: string): (ctx: Parameters<MethodImpl>[0], args: Value[]) => ReturnType<MethodImpl> {
  return (ctx, [self, ...rest]) => {
    let v = self!;
    for (let i = 0; i < 8; i++) {
      const m = findMethod(v, name);
      if (m) return m(ctx, v, rest);
      if (!(v instanceof RRef)) break;
      v = v.place.get();
    }
    return ctx.interp.unsupported(`no method \`${name}\` on this value in Pollscope`);
  };
}

for (const name of Object.keys(CHAR_METHODS)) defineFn([`char::${name}`], { pure: false, call: ufcs(name) });
for (const name of Object.keys(STR_METHODS)) {
  defineFn([`str::${name}`], { pure: false, call: ufcs(name) });
  defineFn([`String::${name}`], { pure: false, call: ufcs(name) });
}
for (const name of ['to_string', 'to_owned', 'clone', 'parse']) {
  if (!primitiveMethods.str[name]) continue;
  defineFn([`str::${name}`], { pure: false, call: ufcs(name) });
}
defineFn(['ToString::to_string', 'std::string::ToString::to_string'], {
  pure,
  call: (_c, [v]) => new RString(display(deref(v!))),
});
for (const name of ['ok', 'err', 'is_ok', 'is_err', 'unwrap', 'unwrap_or_default'])
  defineFn([`Result::${name}`, `std::result::Result::${name}`], { pure: false, call: ufcs(name) });
for (const name of ['is_some', 'is_none', 'unwrap', 'unwrap_or_default', 'flatten'])
  defineFn([`Option::${name}`, `std::option::Option::${name}`], { pure: false, call: ufcs(name) });
