/** Format strings (`"x = {x}, {:?} {0:>5}"`): literal pieces, argument references and `{:spec}`s. */
import type { Expr, FmtPiece, FmtSpec } from '../ast';
import { CompileError, span, type Span } from '../diagnostics';
import type { Token } from '../lexer';

/**
 * Parses a format string (`"x = {x}, {:?} {0:>5}"`) into literal pieces and argument references. Inline
 * captures (`{name}`) append a path expression to `args`, as rustc does.
 */
export function parseFormatString(
  tok: Token,
  args: Expr[],
  named: Map<string, number>,
  positionalCount: number,
): FmtPiece[] {
  const s = tok.value as string;
  const pieces: FmtPiece[] = [];
  // Spans inside the literal are approximate when escapes change lengths; they point at the literal.
  const at = (i: number): Span => {
    const raw = tok.text.startsWith('r') ? 0 : 1;
    const off = Math.min(tok.span.start + raw + i, tok.span.end);
    return span(off, Math.min(off + 1, tok.span.end));
  };
  let text = '';
  let nextPositional = 0;
  const used = new Set<number>();
  const argRef = (name: string, i: number): number => {
    if (name === '') {
      const n = nextPositional++;
      if (n >= positionalCount)
        throw new CompileError(
          `this format string needs ${n + 1} argument(s) but ${positionalCount} were given`,
          at(i),
        );
      used.add(n);
      return n;
    }
    if (/^\d+$/.test(name)) {
      const n = Number(name);
      if (n >= positionalCount)
        throw new CompileError(`invalid reference to positional argument ${n}`, at(i));
      used.add(n);
      return n;
    }
    const existing = named.get(name);
    if (existing !== undefined) {
      used.add(existing);
      return existing;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new CompileError(`invalid format argument \`${name}\``, at(i));
    // Inline capture.
    const idx = args.length;
    args.push({ k: 'path', segs: [name], generics: [], span: at(i) });
    named.set(name, idx);
    used.add(idx);
    return idx;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '{') {
      if (s[i + 1] === '{') {
        text += '{';
        i++;
        continue;
      }
      const close = s.indexOf('}', i);
      if (close < 0)
        throw new CompileError(
          'invalid format string: expected `}` but string was terminated',
          at(i),
          'if you intended to print `{`, escape it as `{{`',
        );
      const inner = s.slice(i + 1, close);
      const colon = inner.indexOf(':');
      const argName = (colon < 0 ? inner : inner.slice(0, colon)).trim();
      const specText = colon < 0 ? '' : inner.slice(colon + 1);
      if (text) pieces.push(text);
      text = '';
      const spec = parseSpec(specText, at(i), (n) => argRef(n, i));
      spec.arg = argRef(argName, i);
      pieces.push(spec);
      i = close;
      continue;
    }
    if (c === '}') {
      if (s[i + 1] === '}') {
        text += '}';
        i++;
        continue;
      }
      throw new CompileError(
        'invalid format string: unmatched `}` found',
        at(i),
        'if you intended to print `}`, escape it as `}}`',
      );
    }
    text += c;
  }
  if (text) pieces.push(text);
  for (let n = 0; n < positionalCount; n++) {
    if (!used.has(n)) throw new CompileError('argument never used in the format string', args[n]!.span);
  }
  return pieces;
}

/** Widths and precisions are `u16` in core::fmt (since Rust 1.87): rustc refuses a larger literal. */
export const MAX_FMT_COUNT = 65_535;

function fmtCount(digits: string, where: Span): number {
  const n = Number(digits);
  if (!(n <= MAX_FMT_COUNT)) throw new CompileError('integer out of range for `u16` in format string', where);
  return n;
}

function parseSpec(text: string, where: Span, argRef: (name: string) => number): FmtSpec {
  const spec: FmtSpec = {
    arg: 0,
    debug: false,
    pretty: false,
    width: null,
    precision: null,
    fill: ' ',
    align: null,
    sign: false,
    zero: false,
    alt: false,
    radix: '',
  };
  let i = 0;
  if (text.length >= 2 && (text[1] === '<' || text[1] === '>' || text[1] === '^')) {
    spec.fill = text[0]!;
    spec.align = text[1] as '<' | '>' | '^';
    i = 2;
  } else if (text[0] === '<' || text[0] === '>' || text[0] === '^') {
    spec.align = text[0] as '<' | '>' | '^';
    i = 1;
  }
  if (text[i] === '+') {
    spec.sign = true;
    i++;
  }
  if (text[i] === '#') {
    spec.alt = true;
    i++;
  }
  if (text[i] === '0' && /[0-9]/.test(text[i + 1] ?? '')) {
    spec.zero = true;
    i++;
  } else if (text[i] === '0' && (text[i + 1] === undefined || !/[0-9$]/.test(text[i + 1]!))) {
    spec.zero = true;
    i++;
  }
  const num = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)\$|^\d+/.exec(text.slice(i));
  if (num) {
    if (num[0].endsWith('$')) spec.width = { arg: argRef(num[1]!) };
    else spec.width = fmtCount(num[0], where);
    i += num[0].length;
  }
  if (text[i] === '.') {
    i++;
    const p = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)\$|^\d+|^\*/.exec(text.slice(i));
    if (!p) throw new CompileError('invalid precision in format string', where);
    // `.*` takes the precision from the next positional argument, before the value's own.
    if (p[0] === '*') spec.precision = { arg: argRef('') };
    else if (p[0].endsWith('$')) spec.precision = { arg: argRef(p[1]!) };
    else spec.precision = fmtCount(p[0], where);
    i += p[0].length;
  }
  const rest = text.slice(i);
  switch (rest) {
    case '':
      break;
    case '?':
      spec.debug = true;
      break;
    case '#?':
      spec.debug = true;
      spec.pretty = true;
      break;
    case 'x?':
    case 'X?':
    case '#x?':
    case '#X?':
      spec.debug = true;
      spec.debugHex = rest.includes('x') ? 'x' : 'X';
      spec.pretty = rest.startsWith('#');
      break;
    case 'x':
    case 'X':
    case 'b':
    case 'o':
    case 'e':
    case 'E':
      spec.radix = rest;
      break;
    default:
      throw new CompileError(`unknown format trait \`${rest}\``, where, 'use {} or {:?}');
  }
  if (spec.alt && spec.debug) spec.pretty = true;
  return spec;
}
