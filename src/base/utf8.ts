/**
 * UTF-8 encoding and lossy decoding, without `TextEncoder` (not part of ECMAScript, so not in the core).
 * Decoding replaces invalid sequences with U+FFFD like `String::from_utf8_lossy`.
 */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Decodes bytes; `valid` is false if any sequence had to be replaced. */
export function utf8Decode(bytes: readonly number[]): { text: string; valid: boolean } {
  let text = '';
  let valid = true;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let cp: number;
    if (b < 0x80) {
      text += String.fromCharCode(b);
      i++;
      continue;
    } else if (b >= 0xc2 && b < 0xe0) {
      need = 1;
      cp = b & 31;
    } else if (b >= 0xe0 && b < 0xf0) {
      need = 2;
      cp = b & 15;
    } else if (b >= 0xf0 && b < 0xf5) {
      need = 3;
      cp = b & 7;
    } else {
      text += '\uFFFD';
      valid = false;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (c & 63);
    }
    if (
      j <= need ||
      cp > 0x10ffff ||
      (need === 2 && cp < 0x800) ||
      (need === 3 && cp < 0x10000) ||
      (cp >= 0xd800 && cp <= 0xdfff)
    ) {
      text += '\uFFFD';
      valid = false;
      i += Math.max(1, j);
      continue;
    }
    text += String.fromCodePoint(cp);
    i += need + 1;
  }
  return { text, valid };
}
