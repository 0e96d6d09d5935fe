/**
 * The Rust lexer: source text → tokens with spans. Handles the literal forms the subset needs (integers with
 * bases, underscores and suffixes; floats; strings with escapes; raw and byte strings; chars; lifetimes),
 * nested block comments, and longest-match punctuation. The parser splits `>>` when closing generics.
 */
import { CompileError, span, type Span } from './diagnostics';

export type TokenKind =
  'ident' | 'lifetime' | 'int' | 'float' | 'str' | 'bytestr' | 'char' | 'byte' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Identifier name, punctuation text, or the literal's source text. */
  readonly text: string;
  readonly span: Span;
  /** Literal payload: the decoded string, the integer value, the char. */
  /** Integers are exact: a number while safe (|x| < 2^53), else a bigint. */
  readonly value?: string | number | bigint;
  /** Integer/float suffix (`u64`, `i32`, `f64`) or ''. */
  readonly suffix?: string;
  /** True if whitespace or a comment precedes this token (to tell `a. 0` from `a.0`, not needed by Rust). */
  readonly spaced: boolean;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const U128_MAX = (1n << 128n) - 1n;

const PUNCTS = [
  '<<=',
  '>>=',
  '...',
  '..=',
  '::',
  '->',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '&=',
  '|=',
  '<<',
  '>>',
  '..',
];
const SINGLE = new Set('+-*/%^!&|=<>@.,;:#$?~()[]{}');
const INT_SUFFIXES = ['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize'];
const FLOAT_SUFFIXES = ['f32', 'f64'];

function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c > '\x7f';
}
function isIdentChar(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}
function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export function lex(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaced = true;
  const n = src.length;

  const push = (kind: TokenKind, start: number, extra: Partial<Token> = {}) => {
    tokens.push({ kind, text: src.slice(start, i), span: span(start, i), spaced, ...extra });
    spaced = false;
  };

  while (i < n) {
    const c = src[i]!;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\uFEFF') {
      i++;
      spaced = true;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      spaced = true;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      let depth = 0;
      do {
        if (src[i] === '/' && src[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (src[i] === '*' && src[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      } while (depth > 0 && i < n);
      if (depth > 0)
        throw new CompileError('unterminated block comment', span(start, start + 2), 'close it with */');
      spaced = true;
      continue;
    }
    // Raw strings, byte strings, raw byte strings.
    if (
      (c === 'r' && (src[i + 1] === '"' || (src[i + 1] === '#' && /^#+"/.test(src.slice(i + 1, i + 260))))) ||
      (c === 'b' && src[i + 1] === 'r' && (src[i + 2] === '"' || src[i + 2] === '#'))
    ) {
      const isByte = c === 'b';
      i += isByte ? 2 : 1;
      let hashes = 0;
      while (src[i] === '#') {
        hashes++;
        i++;
      }
      if (src[i] !== '"') throw new CompileError('malformed raw string', span(start, Math.min(i + 1, n)));
      i++;
      const close = '"' + '#'.repeat(hashes);
      const end = src.indexOf(close, i);
      if (end < 0) throw new CompileError('unterminated raw string', span(start, start + 2));
      const value = src.slice(i, end);
      i = end + close.length;
      push(isByte ? 'bytestr' : 'str', start, { value });
      continue;
    }
    if (c === 'b' && src[i + 1] === '"') {
      i += 1;
      const value = readQuoted(src, i, '"');
      i = value.end;
      push('bytestr', start, { value: value.text });
      continue;
    }
    if (c === 'b' && src[i + 1] === "'") {
      i += 1;
      const value = readQuoted(src, i, "'");
      i = value.end;
      // `b''` and `b'ab'` would otherwise decode to NaN or silently to the first byte.
      if (value.text.length !== 1 || value.text.charCodeAt(0) > 0xff)
        throw new CompileError('a byte literal must contain exactly one byte', span(start, i));
      push('byte', start, { value: value.text.charCodeAt(0) });
      continue;
    }
    if (isIdentStart(c)) {
      i++;
      while (i < n && isIdentChar(src[i]!)) i++;
      // `r#ident` raw identifiers.
      if (c === 'r' && i === start + 1 && src[i] === '#' && i + 1 < n && isIdentStart(src[i + 1]!)) {
        i++;
        while (i < n && isIdentChar(src[i]!)) i++;
        tokens.push({ kind: 'ident', text: src.slice(start + 2, i), span: span(start, i), spaced });
        spaced = false;
        continue;
      }
      push('ident', start);
      continue;
    }
    if (isDigit(c)) {
      lexNumber();
      continue;
    }
    if (c === '"') {
      const value = readQuoted(src, i, '"');
      i = value.end;
      push('str', start, { value: value.text });
      continue;
    }
    if (c === "'") {
      // A char literal, or a lifetime / loop label ('a, 'static, '_).
      if (src[i + 1] === '\\' || (src[i + 2] === "'" && src[i + 1] !== "'")) {
        const value = readQuoted(src, i, "'");
        i = value.end;
        push('char', start, { value: value.text });
        continue;
      }
      // Multi-unit chars (surrogate pairs) like '😀'.
      const cp = src.codePointAt(i + 1);
      if (cp !== undefined && cp > 0xffff && src[i + 3] === "'") {
        i += 4;
        push('char', start, { value: String.fromCodePoint(cp) });
        continue;
      }
      i++;
      if (i < n && isIdentStart(src[i]!)) {
        while (i < n && isIdentChar(src[i]!)) i++;
        push('lifetime', start);
        continue;
      }
      throw new CompileError('unexpected quote', span(start, start + 1));
    }
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    const p = PUNCTS.find((q) => q === three || q === two);
    if (p !== undefined) {
      i += p.length;
      push('punct', start);
      continue;
    }
    if (SINGLE.has(c)) {
      i++;
      push('punct', start);
      continue;
    }
    throw new CompileError(`unexpected character ${JSON.stringify(c)}`, span(start, start + 1));
  }
  tokens.push({ kind: 'eof', text: '', span: span(n, n), spaced: true });
  return tokens;

  function lexNumber(): void {
    const start = i;
    const prev = tokens[tokens.length - 1];
    // After `.`, a number is a tuple index: `t.0.1` is `t . 0 . 1`, never the float `0.1`.
    const afterDot = prev !== undefined && prev.kind === 'punct' && prev.text === '.' && !spaced;
    let radix = 10;
    if (src[i] === '0' && (src[i + 1] === 'x' || src[i + 1] === 'o' || src[i + 1] === 'b')) {
      radix = src[i + 1] === 'x' ? 16 : src[i + 1] === 'o' ? 8 : 2;
      i += 2;
    }
    const digitsStart = i;
    const isRadixDigit = (ch: string) =>
      ch === '_' ||
      (radix === 16
        ? /[0-9a-fA-F]/.test(ch)
        : radix === 8
          ? /[0-7]/.test(ch)
          : radix === 2
            ? ch === '0' || ch === '1'
            : isDigit(ch));
    while (i < n && isRadixDigit(src[i]!)) i++;
    let isFloat = false;
    if (radix === 10 && !afterDot) {
      // `1.5` is a float; `1..2` is a range; `1.foo()` is a method call on an integer.
      if (src[i] === '.' && src[i + 1] !== '.' && !isIdentStart(src[i + 1] ?? '')) {
        isFloat = true;
        i++;
        while (i < n && (isDigit(src[i]!) || src[i] === '_')) i++;
      }
      if ((src[i] === 'e' || src[i] === 'E') && /[0-9+-]/.test(src[i + 1] ?? '')) {
        isFloat = true;
        i++;
        if (src[i] === '+' || src[i] === '-') i++;
        while (i < n && (isDigit(src[i]!) || src[i] === '_')) i++;
      }
    }
    const body = src.slice(digitsStart, i).replace(/_/g, '');
    let suffix = '';
    if (i < n && isIdentStart(src[i]!)) {
      const sStart = i;
      while (i < n && isIdentChar(src[i]!)) i++;
      suffix = src.slice(sStart, i);
      if (FLOAT_SUFFIXES.includes(suffix)) isFloat = radix === 10;
      else if (!INT_SUFFIXES.includes(suffix) || isFloat)
        throw new CompileError(
          `invalid suffix \`${suffix}\` for number literal`,
          span(sStart, i),
          'use a suffix like u64 or i32',
        );
    }
    if (body === '') throw new CompileError('missing digits after the number prefix', span(start, i));
    if (isFloat) {
      push('float', start, { value: Number(body), suffix });
    } else {
      const exact = BigInt(radix === 10 ? body : `0${src[digitsStart - 1]}${body}`);
      if (exact > U128_MAX)
        throw new CompileError('integer literal is too large', span(start, i), 'the largest is u128::MAX');
      const value = exact <= MAX_SAFE ? Number(exact) : exact;
      push('int', start, { value, suffix });
    }
  }
}

/** Reads a quoted literal starting at the opening quote; decodes Rust escapes. */
function readQuoted(src: string, open: number, quote: string): { text: string; end: number } {
  let i = open + 1;
  let out = '';
  // An escape cut off by the end of the file must still be reported inside the source.
  const at = (start: number, end: number): Span =>
    span(Math.min(start, src.length), Math.min(end, src.length));
  while (i < src.length) {
    const c = src[i]!;
    if (c === quote) return { text: out, end: i + 1 };
    if (c === '\\') {
      const e = src[i + 1];
      i += 2;
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        case '\\':
          out += '\\';
          break;
        case '"':
          out += '"';
          break;
        case "'":
          out += "'";
          break;
        case 'x': {
          const hex = src.slice(i, i + 2);
          if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new CompileError('invalid \\x escape', at(i - 2, i + 2));
          out += String.fromCharCode(parseInt(hex, 16));
          i += 2;
          break;
        }
        case 'u': {
          const m = /^\{([0-9a-fA-F_]{1,8})\}/.exec(src.slice(i, i + 12));
          if (!m) throw new CompileError('invalid \\u{...} escape', at(i - 2, i + 1));
          const cp = parseInt(m[1]!.replace(/_/g, ''), 16);
          // String.fromCodePoint throws a RangeError past U+10FFFF; rustc rejects surrogates as well.
          if (!(cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff))
            throw new CompileError(
              'invalid unicode character escape',
              at(i - 2, i + m[0].length),
              'a unicode escape must be at most 10FFFF and not a surrogate (D800-DFFF)',
            );
          out += String.fromCodePoint(cp);
          i += m[0].length;
          break;
        }
        case '\n':
        case '\r':
          // Line continuation: skip the newline and the next line's leading whitespace.
          while (i < src.length && /\s/.test(src[i]!)) i++;
          break;
        default:
          throw new CompileError(`unknown character escape \\${e ?? ''}`, at(i - 2, i));
      }
      continue;
    }
    out += c;
    i++;
  }
  throw new CompileError(
    quote === '"' ? 'unterminated string literal' : 'unterminated character literal',
    span(open, open + 1),
    `add the closing ${quote}`,
  );
}
