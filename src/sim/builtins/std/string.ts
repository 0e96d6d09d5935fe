/**
 * `String` (alloc/src/string.rs): construction (`new`, `from`, `from_utf8` with `FromUtf8Error`,
 * `from_utf8_lossy`), `std::str::from_utf8` with `Utf8Error`, and the methods only an owned `String` has
 * (`push`, `insert`, `remove`, `truncate`, `retain`, `drain`, `split_off`, `extend` …). The `str` methods
 * both share are in str-methods.ts; `char` is in char.ts.
 */
import { intoByImpl, viaUserImpl } from './convert';
import { utf8Encode } from '../../../base';
import { display, debug } from '../../format';
import { parseNumber, parseTarget } from './num-parse';
import { callFn, DONE, pull, run } from '../../interp/iter-protocol';
import { ListIter } from '../../interp/iter-sources';
import { intoIter } from '../../interp/iterate';
import { equals } from '../../interp/ops';
import {
  defineFn,
  defineMethods,
  primitiveMethods,
  withPrefixes,
  type CallCtx,
  type MethodImpl,
} from '../../interp/registry';
import { byteLen, indexOfByte, isCharBoundary, sliceBytes, sliceError } from '../../str-bytes';
import {
  deref,
  errVal,
  NONE,
  okVal,
  RChar,
  RObject,
  RRange,
  RString,
  RVec,
  some,
  UNIT,
  type Value,
} from '../../values';
import { pure, str } from '../support';
import { expectedType, typeHead } from './iter/collect';
import { lossyUtf8, utf8ErrorText, validateUtf8 } from './utf8';

/** `std::str::Utf8Error`. */
export class RUtf8Error extends RObject {
  constructor(
    readonly validUpTo: number,
    readonly errorLen: number | null,
  ) {
    super();
  }
  typeName(): string {
    return 'Utf8Error';
  }
  override isCopy(): boolean {
    return true;
  }
  fmtDisplay(): string {
    return utf8ErrorText(this.validUpTo, this.errorLen);
  }
  fmtDebug(): string {
    return `Utf8Error { valid_up_to: ${this.validUpTo}, error_len: ${this.errorLen === null ? 'None' : `Some(${this.errorLen})`} }`;
  }
}

/** `std::string::FromUtf8Error`: the bytes that were not UTF-8, and why. */
export class RFromUtf8Error extends RObject {
  constructor(
    readonly bytes: Value[],
    readonly error: RUtf8Error,
  ) {
    super();
  }
  typeName(): string {
    return 'FromUtf8Error';
  }
  fmtDisplay(): string {
    return this.error.fmtDisplay();
  }
  fmtDebug(pretty: boolean, indent = ''): string {
    const bytes = debug(new RVec(this.bytes), pretty, null, indent + '    ');
    if (!pretty) return `FromUtf8Error { bytes: ${bytes}, error: ${this.error.fmtDebug()} }`;
    const inner = indent + '    ';
    const e = this.error;
    return `FromUtf8Error {\n${inner}bytes: ${bytes},\n${inner}error: Utf8Error {\n${inner}    valid_up_to: ${e.validUpTo},\n${inner}    error_len: ${e.errorLen === null ? 'None' : `Some(\n${inner}        ${e.errorLen},\n${inner}    )`},\n${inner}},\n${indent}}`;
  }
}

defineMethods(RUtf8Error, 'std::str::Utf8Error', {
  valid_up_to: (_c, s) => (deref(s) as RUtf8Error).validUpTo,
  error_len: (_c, s) => {
    const n = (deref(s) as RUtf8Error).errorLen;
    return n === null ? NONE : some(n);
  },
});
defineMethods(RFromUtf8Error, 'std::string::FromUtf8Error', {
  as_bytes: (_c, s) => new RVec((deref(s) as RFromUtf8Error).bytes),
  into_bytes: (ctx, s) => {
    ctx.consume();
    return new RVec((deref(s) as RFromUtf8Error).bytes);
  },
  utf8_error: (_c, s) => (deref(s) as RFromUtf8Error).error,
});

function byteList(v: Value | undefined): number[] {
  const x = v === undefined ? undefined : deref(v);
  return (x instanceof RVec ? x.items : []).map((b) => deref(b) as number);
}

defineFn(withPrefixes('String::new', ['std::string']), { pure, call: () => new RString('') });
defineFn(withPrefixes('String::with_capacity', ['std::string']), { pure, call: () => new RString('') });
defineFn(withPrefixes('String::from', ['std::string']), {
  pure,
  arity: 1,
  call: (_c, [v]) => new RString(str(v!) ?? display(v!)),
});
defineFn(withPrefixes('String::from_utf8_lossy', ['std::string']), {
  pure,
  call: (_c, [v]) => new RString(lossyUtf8(byteList(v))),
});
defineFn(withPrefixes('String::from_utf8', ['std::string']), {
  pure,
  call: (_c, [v]) => {
    const x = deref(v!);
    const items = x instanceof RVec ? x.items : [];
    const r = validateUtf8(byteList(v));
    return r.ok
      ? okVal(new RString(r.text))
      : errVal(new RFromUtf8Error(items, new RUtf8Error(r.validUpTo, r.errorLen)));
  },
});
defineFn(['std::str::from_utf8', 'str::from_utf8', 'core::str::from_utf8'], {
  pure,
  call: (_c, [v]) => {
    const r = validateUtf8(byteList(v));
    return r.ok ? okVal(r.text) : errVal(new RUtf8Error(r.validUpTo, r.errorLen));
  },
});

/** `ParseBoolError` / `ParseCharError`: fixed messages. */
class ParseError extends RObject {
  constructor(
    readonly name: string,
    readonly debugText: string,
    readonly message: string,
  ) {
    super();
  }
  typeName(): string {
    return this.name;
  }
  fmtDisplay(): string {
    return this.message;
  }
  fmtDebug(): string {
    return this.debugText;
  }
}

/** `parse::<bool>()`, `parse::<char>()` and `parse::<String>()`; null for the numeric targets. */
function parseNonNumber(ctx: CallCtx, t: string): Value | null {
  const head = typeHead(parseTarget(ctx));
  if (head === 'bool') {
    if (t === 'true' || t === 'false') return okVal(t === 'true');
    return errVal(
      new ParseError('ParseBoolError', 'ParseBoolError', 'provided string was not `true` or `false`'),
    );
  }
  if (head === 'char') {
    const chars = [...t];
    if (chars.length === 1) return okVal(new RChar(chars[0]!));
    return errVal(
      chars.length === 0
        ? new ParseError(
            'ParseCharError',
            'ParseCharError { kind: EmptyString }',
            'cannot parse char from empty string',
          )
        : new ParseError(
            'ParseCharError',
            'ParseCharError { kind: TooManyChars }',
            'too many characters in string',
          ),
    );
  }
  if (head === 'String') return okVal(new RString(t));
  return null;
}

const strMethods: Record<string, MethodImpl> = {
  to_string: (_c, s) => new RString(str(s)!),
  to_owned: (_c, s) => new RString(str(s)!),
  /**
   * `Into` from a `&str` / `String`: the program's `impl From<&str>` first, then std's: `Vec<u8>` (its
   * UTF-8 bytes) where the program expects one, else `String` (also `Box<str>`, `Rc<str>`, …).
   */
  into: (ctx, s) => {
    const own = intoByImpl(ctx, s);
    if (own !== null) return own;
    if (typeHead(expectedType(ctx)) === 'Vec') return new RVec(utf8Encode(str(s)!));
    return new RString(str(s)!);
  },
  clone: (_c, s) => (deref(s) instanceof RString ? new RString(str(s)!) : str(s)!),
  /** `str::parse`: `bool`, `char`, `String` here; numbers as `FromStr` parses them (num-parse.ts). */
  parse: (ctx, s) => {
    const own = viaUserImpl(ctx, expectedType(ctx), 'FromStr', 'from_str', [s]);
    if (own !== null) return own;
    const other = parseNonNumber(ctx, str(s)!);
    if (other !== null) return other;
    const n = parseNumber(ctx, str(s)!);
    if (n !== null) return n;
    return ctx.interp.unsupported(`\`parse\` into this type is not supported by Pollscope yet`, ctx.span);
  },
  eq: (_c, s, [o]) => equals(s, o!),
};
Object.assign(primitiveMethods.str, strMethods);

function owned(s: Value): RString {
  return deref(s) as RString;
}

function byteIndex(ctx: CallCtx, v: Value | undefined): number {
  const n = deref(v ?? 0);
  return typeof n === 'number' ? n : ctx.interp.unsupported('expected a byte index');
}

/** A byte range of a string (`drain(..n)`, `replace_range(a..b, ..)`), checked as core checks it. */
function rangeOf(ctx: CallCtx, t: string, r: Value): [number, number] {
  const range = deref(r);
  if (!(range instanceof RRange)) return ctx.interp.unsupported('expected a range of byte offsets');
  const a = range.from === null ? 0 : (range.from as number);
  const b = range.to === null ? byteLen(t) : (range.to as number) + (range.inclusive ? 1 : 0);
  if (!isCharBoundary(t, a)) return ctx.interp.panic('assertion failed: self.is_char_boundary(start)');
  if (!isCharBoundary(t, b)) return ctx.interp.panic('assertion failed: self.is_char_boundary(end)');
  const err = sliceError(t, a, b);
  if (err !== null) return ctx.interp.panic(err);
  return [a, b];
}

defineMethods(RString, 'std::string::String', {
  ...strMethods,
  // Growth is charged by the interpreter after the call (it tracks the receiver); the engine's string limit
  // must be checked before.
  push_str: (ctx, s, [o]) => {
    const r = owned(s);
    const add = str(o!) ?? '';
    ctx.world.memory.reserveString(r.s.length + add.length);
    r.s += add;
    return UNIT;
  },
  push: (ctx, s, [ch]) => {
    const r = owned(s);
    ctx.world.memory.reserveString(r.s.length + 2);
    r.s += (deref(ch!) as RChar).c;
    return UNIT;
  },
  clear: (_c, s) => {
    owned(s).s = '';
    return UNIT;
  },
  capacity: (_c, s) => byteLen(owned(s).s),
  reserve: () => UNIT,
  shrink_to_fit: () => UNIT,
  pop: (_c, s) => {
    const r = owned(s);
    if (!r.s) return NONE;
    const chars = [...r.s];
    const last = chars.pop()!;
    r.s = chars.join('');
    return some(new RChar(last));
  },
  insert: (ctx, s, [i, ch]) => {
    const r = owned(s);
    const b = byteIndex(ctx, i);
    const at = indexOfByte(r.s, b);
    if (at < 0) return ctx.interp.panic('assertion failed: self.is_char_boundary(idx)');
    r.s = r.s.slice(0, at) + (deref(ch!) as RChar).c + r.s.slice(at);
    return UNIT;
  },
  insert_str: (ctx, s, [i, o]) => {
    const r = owned(s);
    const at = indexOfByte(r.s, byteIndex(ctx, i));
    if (at < 0) return ctx.interp.panic('assertion failed: self.is_char_boundary(idx)');
    const add = str(o!) ?? '';
    ctx.world.memory.reserveString(r.s.length + add.length);
    r.s = r.s.slice(0, at) + add + r.s.slice(at);
    return UNIT;
  },
  remove: (ctx, s, [i]) => {
    const r = owned(s);
    const b = byteIndex(ctx, i);
    const err = sliceError(r.s, b, byteLen(r.s));
    if (err !== null) return ctx.interp.panic(err);
    const at = indexOfByte(r.s, b);
    if (at >= r.s.length) return ctx.interp.panic('cannot remove a char from the end of a string');
    const c = String.fromCodePoint(r.s.codePointAt(at)!);
    r.s = r.s.slice(0, at) + r.s.slice(at + c.length);
    return new RChar(c);
  },
  truncate: (ctx, s, [n]) => {
    const r = owned(s);
    const b = byteIndex(ctx, n);
    if (b >= byteLen(r.s)) return UNIT;
    if (!isCharBoundary(r.s, b)) return ctx.interp.panic('assertion failed: self.is_char_boundary(new_len)');
    r.s = sliceBytes(r.s, 0, b);
    return UNIT;
  },
  split_off: (ctx, s, [n]) => {
    const r = owned(s);
    const b = byteIndex(ctx, n);
    if (b > byteLen(r.s)) return ctx.interp.panic('assertion failed: self.is_char_boundary(at)');
    if (!isCharBoundary(r.s, b)) return ctx.interp.panic('assertion failed: self.is_char_boundary(at)');
    const tail = sliceBytes(r.s, b, byteLen(r.s));
    r.s = sliceBytes(r.s, 0, b);
    return new RString(tail);
  },
  drain: (ctx, s, [range]) => {
    const r = owned(s);
    const [a, b] = rangeOf(ctx, r.s, range!);
    const removed = sliceBytes(r.s, a, b);
    r.s = sliceBytes(r.s, 0, a) + sliceBytes(r.s, b, byteLen(r.s));
    return new ListIter(
      [...removed].map((c) => new RChar(c)),
      'Drain',
    );
  },
  replace_range: (ctx, s, [range, with_]) => {
    const r = owned(s);
    const [a, b] = rangeOf(ctx, r.s, range!);
    const add = str(with_!) ?? '';
    ctx.world.memory.reserveString(r.s.length + add.length);
    r.s = sliceBytes(r.s, 0, a) + add + sliceBytes(r.s, b, byteLen(r.s));
    return UNIT;
  },
  retain: (ctx, s, [f]) => {
    const r = owned(s);
    return (function* () {
      let out = '';
      for (const c of r.s) if (deref(yield* run(callFn(ctx.interp, f!, [new RChar(c)]))) === true) out += c;
      r.s = out;
      return UNIT;
    })();
  },
  /** `extend` with chars, `&str`s or `String`s. */
  extend: (ctx, s, [src]) => {
    const r = owned(s);
    const it = intoIter(ctx.interp, src!);
    return (function* () {
      for (;;) {
        const v = yield* pull(ctx.interp, it);
        if (v === DONE) return UNIT;
        r.s += display(deref(v));
      }
    })();
  },
  into_bytes: (ctx, s) => {
    ctx.consume();
    return new RVec(utf8Encode(owned(s).s));
  },
  into_boxed_str: (_c, s) => s,
  as_mut_str: (_c, s) => s,
  make_ascii_uppercase: (_c, s) => {
    owned(s).s = owned(s).s.replace(/[a-z]/g, (c) => c.toUpperCase());
    return UNIT;
  },
  make_ascii_lowercase: (_c, s) => {
    owned(s).s = owned(s).s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    return UNIT;
  },
});
