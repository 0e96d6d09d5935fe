/**
 * `str` methods (core/src/str/mod.rs), which `String` has too through `Deref`: searching (`find`,
 * `rfind`, `contains`, `starts_with`, `matches`), splitting (`split`, `splitn`, `rsplit`, `split_once`,
 * `split_terminator`, `split_inclusive`, `split_whitespace`, `lines`), trimming (`trim*`,
 * `strip_prefix/suffix`), `replace(n)`, case mapping, `chars` / `bytes` / `char_indices`, `get(range)`,
 * `split_at`, `is_char_boundary`. Offsets are UTF-8 byte offsets, as in Rust.
 */
import { utf8Encode } from '../../../base';
import { ListIter } from '../../interp/iter-sources';
import { defineMethods, primitiveMethods, type CallCtx, type MethodImpl } from '../../interp/registry';
import type { InterpCore } from '../../interp/core';
import { byteLen, byteOfIndex, isCharBoundary, sliceBytes, sliceError } from '../../str-bytes';
import { deref, NONE, RRange, RString, RTuple, RVec, some, type Value } from '../../values';
import { str } from '../support';
import { StrChars } from './str-chars';
import {
  endsWith,
  firstMatch,
  isWhiteSpace,
  lastMatch,
  matcherOf,
  matchesOf,
  startsWith,
  type Matcher,
} from './str-pattern';

function text(s: Value): string {
  return str(s)!;
}

function count(ctx: CallCtx, v: Value | undefined): number {
  const n = deref(v ?? 0);
  return typeof n === 'number' ? n : ctx.interp.unsupported('expected an integer');
}

/** The pieces between matches (`split`), optionally at most `limit` pieces. */
function splitPieces(cx: InterpCore, s: string, m: Matcher, limit = Infinity): string[] {
  const out: string[] = [];
  let start = 0;
  for (const [a, b] of matchesOf(s, m, cx)) {
    if (out.length + 1 >= limit) break;
    out.push(s.slice(start, a));
    start = b;
  }
  out.push(s.slice(start));
  return out;
}

/** `rsplitn(n, p)`: pieces from the right, at most `limit`. */
function rsplitPieces(cx: InterpCore, s: string, m: Matcher, limit = Infinity): string[] {
  const ms = matchesOf(s, m, cx);
  const out: string[] = [];
  let end = s.length;
  for (let i = ms.length - 1; i >= 0; i--) {
    if (out.length + 1 >= limit) break;
    const [a, b] = ms[i]!;
    out.push(s.slice(b, end));
    end = a;
  }
  out.push(s.slice(0, end));
  return out;
}

function trimStartBy(s: string, m: Matcher): string {
  let t = s;
  for (let n = startsWith(t, m); n > 0; n = startsWith(t, m)) t = t.slice(n);
  return t;
}

function trimEndBy(s: string, m: Matcher): string {
  let t = s;
  for (let n = endsWith(t, m); n > 0; n = endsWith(t, m)) t = t.slice(0, t.length - n);
  return t;
}

const WS: Matcher = { kind: 'char', test: isWhiteSpace };

/** `lines()`: split at `\n`, dropping one `\r` before it; no final empty line. */
function lines(s: string): string[] {
  if (s === '') return [];
  const parts = s.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((l, i) => (i < parts.length - 1 || s.endsWith('\n') ? l.replace(/\r$/, '') : l));
}

const list = (items: Value[], label: string) => new ListIter(items, label, false);

/** The UTF-8 bytes of `s`, as numbers: checked against the memory budget first (8 bytes a number). */
function bytesOf(ctx: CallCtx, s: string): number[] {
  ctx.world.memory.reserve(16 + 8 * byteLen(s));
  return utf8Encode(s);
}

/** `&s[range]` as `get(range)` sees it: the slice, or null when out of bounds or not on char boundaries. */
function byteRange(s: string, r: RRange): [number, number] {
  const begin = r.from === null ? 0 : (r.from as number);
  const end = r.to === null ? byteLen(s) : (r.to as number) + (r.inclusive ? 1 : 0);
  return [begin, end];
}

export const STR_METHODS: Record<string, MethodImpl> = {
  len: (_c, s) => byteLen(text(s)),
  is_empty: (_c, s) => text(s).length === 0,
  as_str: (_c, s) => text(s),
  as_bytes: (ctx, s) => new RVec(bytesOf(ctx, text(s)), true),
  into_owned: (_c, s) => new RString(text(s)),
  chars: (_c, s) => new StrChars(text(s), false),
  bytes: (ctx, s) => new ListIter(bytesOf(ctx, text(s)), 'Bytes'),
  char_indices: (_c, s) => new StrChars(text(s), true),
  lines: (_c, s) => list(lines(text(s)), 'Lines'),
  split_whitespace: (ctx, s) =>
    list(
      splitPieces(ctx.interp, text(s), WS).filter((x) => x !== ''),
      'SplitWhitespace',
    ),
  split_ascii_whitespace: (_c, s) =>
    list(
      text(s)
        .split(/[\t\n\f\r ]/)
        .filter((x) => x !== ''),
      'SplitAsciiWhitespace',
    ),
  split: (ctx, s, [p]) => list(splitPieces(ctx.interp, text(s), matcherOf(ctx.interp, p)), 'Split'),
  rsplit: (ctx, s, [p]) => list(rsplitPieces(ctx.interp, text(s), matcherOf(ctx.interp, p)), 'RSplit'),
  splitn: (ctx, s, [n, p]) => {
    const k = count(ctx, n);
    return list(k === 0 ? [] : splitPieces(ctx.interp, text(s), matcherOf(ctx.interp, p), k), 'SplitN');
  },
  rsplitn: (ctx, s, [n, p]) => {
    const k = count(ctx, n);
    return list(k === 0 ? [] : rsplitPieces(ctx.interp, text(s), matcherOf(ctx.interp, p), k), 'RSplitN');
  },
  split_terminator: (ctx, s, [p]) => {
    const pieces = splitPieces(ctx.interp, text(s), matcherOf(ctx.interp, p));
    if (pieces.length && pieces[pieces.length - 1] === '') pieces.pop();
    return list(pieces, 'SplitTerminator');
  },
  split_inclusive: (ctx, s, [p]) => {
    const t = text(s);
    const out: string[] = [];
    let start = 0;
    for (const [, b] of matchesOf(t, matcherOf(ctx.interp, p), ctx.interp)) {
      out.push(t.slice(start, b));
      start = b;
    }
    if (start < t.length) out.push(t.slice(start));
    return list(out, 'SplitInclusive');
  },
  split_once: (ctx, s, [p]) => {
    const t = text(s);
    const m = firstMatch(t, matcherOf(ctx.interp, p));
    return m ? some(new RTuple([t.slice(0, m[0]), t.slice(m[1])])) : NONE;
  },
  rsplit_once: (ctx, s, [p]) => {
    const t = text(s);
    const m = lastMatch(t, matcherOf(ctx.interp, p));
    return m ? some(new RTuple([t.slice(0, m[0]), t.slice(m[1])])) : NONE;
  },
  split_at: (ctx, s, [n]) => {
    const t = text(s);
    const mid = count(ctx, n);
    const err = sliceError(t, 0, mid);
    if (err !== null) return ctx.interp.panic(err);
    return new RTuple([sliceBytes(t, 0, mid), sliceBytes(t, mid, byteLen(t))]);
  },
  matches: (ctx, s, [p]) => {
    const t = text(s);
    return list(
      matchesOf(t, matcherOf(ctx.interp, p), ctx.interp).map(([a, b]) => t.slice(a, b)),
      'Matches',
    );
  },
  match_indices: (ctx, s, [p]) => {
    const t = text(s);
    return list(
      matchesOf(t, matcherOf(ctx.interp, p), ctx.interp).map(
        ([a, b]) => new RTuple([byteOfIndex(t, a), t.slice(a, b)]),
      ),
      'MatchIndices',
    );
  },
  find: (ctx, s, [p]) => {
    const t = text(s);
    const m = firstMatch(t, matcherOf(ctx.interp, p));
    return m ? some(byteOfIndex(t, m[0])) : NONE;
  },
  rfind: (ctx, s, [p]) => {
    const t = text(s);
    const m = lastMatch(t, matcherOf(ctx.interp, p));
    return m ? some(byteOfIndex(t, m[0])) : NONE;
  },
  contains: (ctx, s, [p]) => firstMatch(text(s), matcherOf(ctx.interp, p)) !== null,
  starts_with: (ctx, s, [p]) => startsWith(text(s), matcherOf(ctx.interp, p)) >= 0,
  ends_with: (ctx, s, [p]) => endsWith(text(s), matcherOf(ctx.interp, p)) >= 0,
  trim: (_c, s) => trimEndBy(trimStartBy(text(s), WS), WS),
  trim_start: (_c, s) => trimStartBy(text(s), WS),
  trim_end: (_c, s) => trimEndBy(text(s), WS),
  trim_left: (_c, s) => trimStartBy(text(s), WS),
  trim_right: (_c, s) => trimEndBy(text(s), WS),
  trim_matches: (ctx, s, [p]) => {
    const m = matcherOf(ctx.interp, p);
    return trimEndBy(trimStartBy(text(s), m), m);
  },
  trim_start_matches: (ctx, s, [p]) => trimStartBy(text(s), matcherOf(ctx.interp, p)),
  trim_end_matches: (ctx, s, [p]) => trimEndBy(text(s), matcherOf(ctx.interp, p)),
  strip_prefix: (ctx, s, [p]) => {
    const t = text(s);
    const n = startsWith(t, matcherOf(ctx.interp, p));
    return n >= 0 ? some(t.slice(n)) : NONE;
  },
  strip_suffix: (ctx, s, [p]) => {
    const t = text(s);
    const n = endsWith(t, matcherOf(ctx.interp, p));
    return n >= 0 ? some(t.slice(0, t.length - n)) : NONE;
  },
  replace: (ctx, s, [p, to]) => replaceN(ctx, text(s), matcherOf(ctx.interp, p), str(to!) ?? '', Infinity),
  replacen: (ctx, s, [p, to, n]) =>
    replaceN(ctx, text(s), matcherOf(ctx.interp, p), str(to!) ?? '', count(ctx, n)),
  to_uppercase: (_c, s) => new RString(text(s).toUpperCase()),
  to_lowercase: (_c, s) => new RString(lowercase(text(s))),
  to_ascii_uppercase: (_c, s) => new RString(text(s).replace(/[a-z]/g, (c) => c.toUpperCase())),
  to_ascii_lowercase: (_c, s) => new RString(text(s).replace(/[A-Z]/g, (c) => c.toLowerCase())),
  eq_ignore_ascii_case: (_c, s, [o]) =>
    text(s).replace(/[A-Z]/g, (c) => c.toLowerCase()) ===
    (str(o!) ?? '').replace(/[A-Z]/g, (c) => c.toLowerCase()),
  is_ascii: (_c, s) => [...text(s)].every((c) => c.codePointAt(0)! < 0x80),
  is_char_boundary: (ctx, s, [n]) => {
    const t = text(s);
    const b = count(ctx, n);
    return b <= byteLen(t) && isCharBoundary(t, b);
  },
  get: (ctx, s, [r]) => {
    const t = text(s);
    const range = deref(r!);
    if (!(range instanceof RRange)) return ctx.interp.unsupported('`str::get` takes a range of byte offsets');
    const [a, b] = byteRange(t, range);
    return sliceError(t, a, b) === null ? some(sliceBytes(t, a, b)) : NONE;
  },
  /** Checked before it is built: `"x".repeat(1 << 30)` ends in the memory limit, not a RangeError. */
  repeat: (ctx, s, [n]) => {
    const t = text(s);
    const times = count(ctx, n);
    if (!Number.isInteger(times) || times < 0)
      return ctx.interp.unsupported('`repeat` takes a count of type `usize`');
    ctx.world.memory.reserveString(t.length * times);
    return new RString(t.repeat(times));
  },
};

/** `replace` / `replacen`: the first `n` matches replaced; the result's length is checked before it is built. */
function replaceN(ctx: CallCtx, s: string, m: Matcher, to: string, n: number): RString {
  const ms = matchesOf(s, m, ctx.interp).slice(0, n);
  let chars = s.length;
  for (const [a, b] of ms) chars += to.length - (b - a);
  ctx.world.memory.reserveString(chars);
  let out = '';
  let last = 0;
  for (const [a, b] of ms) {
    out += s.slice(last, a) + to;
    last = b;
  }
  return new RString(out + s.slice(last));
}

/** `str::to_lowercase`: final sigma becomes `ς` as in std; JS does the rest the same way. */
function lowercase(s: string): string {
  return s.toLowerCase();
}

for (const [k, m] of Object.entries(STR_METHODS)) primitiveMethods.str[k] = m;
defineMethods(RString, 'std::string::String', STR_METHODS);
