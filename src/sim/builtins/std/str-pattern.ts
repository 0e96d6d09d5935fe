/**
 * `std::str::pattern`: what `find`, `split`, `trim_matches`, `replace`, `starts_with` … accept — a `&str`
 * (or `String`), a `char`, an array or slice of chars, or a closure / fn over chars
 * (`char::is_whitespace`). Matches are found left to right without overlap, in JS (UTF-16) indices; the
 * callers turn them into byte offsets where Rust shows offsets.
 */
import type { InterpCore } from '../../interp/core';
import { settle, suspends } from '../../interp/iter-protocol';
import { deref, RChar, RString, RVec, type Value } from '../../values';

export type Matcher = { kind: 'str'; text: string } | { kind: 'char'; test: (c: string) => boolean };

/** The pattern an argument denotes. */
export function matcherOf(cx: InterpCore, p: Value | undefined): Matcher {
  const x = p === undefined ? undefined : deref(p);
  if (typeof x === 'string') return { kind: 'str', text: x };
  if (x instanceof RString) return { kind: 'str', text: x.s };
  if (x instanceof RChar) {
    const c = x.c;
    return { kind: 'char', test: (ch) => ch === c };
  }
  if (x instanceof RVec) {
    const set = new Set(x.items.map((i) => (deref(i) as RChar).c));
    return { kind: 'char', test: (ch) => set.has(ch) };
  }
  if (x !== undefined && typeof x === 'object') {
    const f = x;
    return {
      kind: 'char',
      test: (ch) => {
        const r = settle(cx.callValue(f, [new RChar(ch)], cx.site));
        if (suspends(r)) return cx.unsupported('a pattern closure must not block or suspend');
        return deref(r) === true;
      },
    };
  }
  return cx.unsupported('expected a string pattern: a `&str`, a `char`, chars, or a closure over chars');
}

/** One match: `[start, end)` in UTF-16 indices. */
export type Match = [number, number];

/**
 * Every non-overlapping match, left to right (an empty `&str` matches at every char boundary). With `cx`,
 * the list is checked against the memory budget as it grows: a string of 100 million chars has 100 million
 * matches of `""`, gigabytes of pairs.
 */
export function matchesOf(s: string, m: Matcher, cx?: InterpCore): Match[] {
  const out: Match[] = [];
  const add = (a: number, b: number) => {
    // About 64 bytes a match.
    if ((out.push([a, b]) & 0xffff) === 0) cx?.world.memory.reserve(16 + 64 * out.length);
  };
  if (m.kind === 'str') {
    if (m.text === '') {
      for (let i = 0; i <= s.length;) {
        add(i, i);
        if (i === s.length) break;
        i += s.codePointAt(i)! > 0xffff ? 2 : 1;
      }
      return out;
    }
    for (let i = s.indexOf(m.text); i >= 0; i = s.indexOf(m.text, i + m.text.length))
      add(i, i + m.text.length);
    return out;
  }
  for (let i = 0; i < s.length;) {
    const w = s.codePointAt(i)! > 0xffff ? 2 : 1;
    if (m.test(s.slice(i, i + w))) add(i, i + w);
    i += w;
  }
  return out;
}

/** The first match at or after `from`, or null. */
export function firstMatch(s: string, m: Matcher, from = 0): Match | null {
  if (m.kind === 'str') {
    const i = s.indexOf(m.text, from);
    return i < 0 ? null : [i, i + m.text.length];
  }
  for (let i = from; i < s.length;) {
    const w = s.codePointAt(i)! > 0xffff ? 2 : 1;
    if (m.test(s.slice(i, i + w))) return [i, i + w];
    i += w;
  }
  return null;
}

/** The last match, or null. */
export function lastMatch(s: string, m: Matcher): Match | null {
  if (m.kind === 'str') {
    const i = s.lastIndexOf(m.text);
    return i < 0 ? null : [i, i + m.text.length];
  }
  for (let i = s.length; i > 0;) {
    const w = i >= 2 && s.codePointAt(i - 2)! > 0xffff ? 2 : 1;
    if (m.test(s.slice(i - w, i))) return [i - w, i];
    i -= w;
  }
  return null;
}

/** Whether the text starts with a match. */
export function startsWith(s: string, m: Matcher): number {
  if (m.kind === 'str') return s.startsWith(m.text) ? m.text.length : -1;
  if (!s.length) return -1;
  const w = s.codePointAt(0)! > 0xffff ? 2 : 1;
  return m.test(s.slice(0, w)) ? w : -1;
}

/** Whether the text ends with a match: the match's length, or -1. */
export function endsWith(s: string, m: Matcher): number {
  if (m.kind === 'str') return s.endsWith(m.text) ? m.text.length : -1;
  if (!s.length) return -1;
  const w = s.length >= 2 && s.codePointAt(s.length - 2)! > 0xffff ? 2 : 1;
  return m.test(s.slice(s.length - w)) ? w : -1;
}

/** Unicode `White_Space`, which `char::is_whitespace`, `trim` and `split_whitespace` use. */
export const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
export const isWhiteSpace = (c: string): boolean => WHITE_SPACE.test(c);
