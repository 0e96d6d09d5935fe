/**
 * UTF-8 as std sees it: validation with `Utf8Error`'s `valid_up_to` / `error_len`
 * (core/src/str/validations.rs), `from_utf8_lossy`'s replacement of each maximal invalid subpart by one
 * U+FFFD (core/src/str/lossy.rs `Utf8Chunks`). Byte offsets within strings are in ../../str-bytes.ts.
 */

/** One `Utf8Chunks` chunk: valid bytes, then the broken bytes after them (maybe none). */
interface Chunk {
  valid: number[];
  broken: number[];
  /** For the first broken chunk: `Some(len)`, or null when the input ended inside the sequence. */
  errorLen: number | null;
}

function charWidth(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

const isCont = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

/** Splits bytes into chunks exactly as `Utf8Chunks` does. */
export function utf8Chunks(bytes: readonly number[]): Chunk[] {
  const out: Chunk[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const start = pos;
    let cur = pos;
    let validUpTo = pos;
    let errorLen: number | null = 1;
    const end = bytes.length;
    for (;;) {
      if (cur >= end) break;
      const byte = bytes[cur++]!;
      if (byte >= 0x80) {
        const w = charWidth(byte);
        const second = bytes[cur];
        if (w === 2) {
          if (!isCont(second)) {
            errorLen = cur >= end ? null : 1;
            break;
          }
          cur++;
        } else if (w === 3 || w === 4) {
          const s = second ?? 0;
          const okSecond =
            w === 3
              ? (byte === 0xe0 && s >= 0xa0 && s <= 0xbf) ||
                (byte >= 0xe1 && byte <= 0xec && s >= 0x80 && s <= 0xbf) ||
                (byte === 0xed && s >= 0x80 && s <= 0x9f) ||
                (byte >= 0xee && byte <= 0xef && s >= 0x80 && s <= 0xbf)
              : (byte === 0xf0 && s >= 0x90 && s <= 0xbf) ||
                (byte >= 0xf1 && byte <= 0xf3 && s >= 0x80 && s <= 0xbf) ||
                (byte === 0xf4 && s >= 0x80 && s <= 0x8f);
          if (!okSecond) {
            errorLen = cur >= end ? null : 1;
            break;
          }
          cur++;
          let bad = false;
          for (let k = 2; k < w; k++) {
            if (!isCont(bytes[cur])) {
              errorLen = cur >= end ? null : k;
              bad = true;
              break;
            }
            cur++;
          }
          if (bad) break;
        } else {
          errorLen = 1;
          break;
        }
      }
      validUpTo = cur;
    }
    out.push({
      valid: bytes.slice(start, validUpTo) as number[],
      broken: bytes.slice(validUpTo, cur) as number[],
      errorLen,
    });
    pos = cur;
  }
  return out;
}

function decodeValid(bytes: readonly number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const w = charWidth(b);
    let cp = w === 1 ? b : b & (w === 2 ? 0x1f : w === 3 ? 0x0f : 0x07);
    for (let k = 1; k < w; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f);
    s += String.fromCodePoint(cp);
    i += w;
  }
  return s;
}

/** `from_utf8`: the text, or the `Utf8Error` fields. */
export function validateUtf8(
  bytes: readonly number[],
): { ok: true; text: string } | { ok: false; validUpTo: number; errorLen: number | null } {
  const chunks = utf8Chunks(bytes);
  let valid = 0;
  for (const c of chunks) {
    valid += c.valid.length;
    if (c.broken.length) return { ok: false, validUpTo: valid, errorLen: c.errorLen };
  }
  return { ok: true, text: decodeValid(bytes) };
}

/** `String::from_utf8_lossy`: each broken subpart becomes one U+FFFD. */
export function lossyUtf8(bytes: readonly number[]): string {
  let s = '';
  for (const c of utf8Chunks(bytes)) {
    s += decodeValid(c.valid);
    if (c.broken.length) s += '\uFFFD';
  }
  return s;
}

/** `Utf8Error`'s Display. */
export function utf8ErrorText(validUpTo: number, errorLen: number | null): string {
  return errorLen === null
    ? `incomplete utf-8 byte sequence from index ${validUpTo}`
    : `invalid utf-8 sequence of ${errorLen} bytes from index ${validUpTo}`;
}
