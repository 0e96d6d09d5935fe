/**
 * Byte offsets in strings. Rust indexes `str` by UTF-8 byte offsets (`len`, `find`, `&s[a..b]`,
 * `char_indices`) while the simulator holds text as JS (UTF-16) strings; these convert, and produce
 * core's exact panic messages for a bad slice (core/src/str/mod.rs `slice_error_fail`).
 */

/** The UTF-8 length of a code point. */
export function utf8Len(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The byte length of a string's UTF-8 encoding. */
export function byteLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The UTF-16 index of byte offset `b`, or -1 if `b` falls inside a char or past the end. */
export function indexOfByte(s: string, b: number): number {
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    if (bytes === b) return i;
    if (bytes > b) return -1;
    const cp = s.codePointAt(i)!;
    bytes += utf8Len(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return bytes === b ? i : -1;
}

/** The byte offset of UTF-16 index `i`. */
export function byteOfIndex(s: string, i: number): number {
  return byteLen(s.slice(0, i));
}

/** `s.is_char_boundary(b)`. */
export function isCharBoundary(s: string, b: number): boolean {
  return b === 0 || indexOfByte(s, b) >= 0;
}

/** The string as core prints it in a slice panic: at most 256 bytes, then `[...]`. */
function truncated(s: string): string {
  if (byteLen(s) <= 256) return `\`${s}\``;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const l = utf8Len(ch.codePointAt(0)!);
    if (n + l > 256) break;
    out += ch;
    n += l;
  }
  return `\`${out}\`[...]`;
}

/** The char containing byte `b` and its byte range. */
function charAround(s: string, b: number): { ch: string; from: number; to: number } {
  let bytes = 0;
  for (const ch of s) {
    const l = utf8Len(ch.codePointAt(0)!);
    if (b < bytes + l) return { ch, from: bytes, to: bytes + l };
    bytes += l;
  }
  return { ch: '', from: bytes, to: bytes };
}

/** The panic message for `&s[begin..end]`, or null when the slice is fine. */
export function sliceError(s: string, begin: number, end: number): string | null {
  const len = byteLen(s);
  if (begin > len) return `start byte index ${begin} is out of bounds of ${truncated(s)}`;
  if (end > len) return `end byte index ${end} is out of bounds of ${truncated(s)}`;
  if (begin > end) return `begin > end (${begin} > ${end}) when slicing ${truncated(s)}`;
  const which = !isCharBoundary(s, begin) ? 'start' : !isCharBoundary(s, end) ? 'end' : null;
  if (which === null) return null;
  const at = which === 'start' ? begin : end;
  const { ch, from, to } = charAround(s, at);
  const quoted = ch === "'" ? "'\\''" : `'${ch}'`;
  return `${which} byte index ${at} is not a char boundary; it is inside ${quoted} (bytes ${from}..${to}) of ${truncated(s)}`;
}

/** `&s[begin..end]` by byte offsets (the caller checked `sliceError`). */
export function sliceBytes(s: string, begin: number, end: number): string {
  return s.slice(indexOfByte(s, begin), indexOfByte(s, end));
}
