/**
 * `str::chars()` and `str::char_indices()` as the lazy iterators they are in core: each pull decodes one
 * char of the string (and pays one step), so `s.chars().rev().take(3)` on a string of 100 million chars
 * costs three steps, not an array of 100 million chars outside the memory budget.
 */
import type { InterpCore } from '../../interp/core';
import { charge, DONE, RIter, type Pull } from '../../interp/iter-protocol';
import { byteLen } from '../../str-bytes';
import { RChar, RTuple } from '../../values';

/** The chars of `s` between two UTF-16 indices, pulled from either end. */
export class StrChars extends RIter {
  constructor(
    private readonly s: string,
    /** `char_indices()`: each item is `(byte offset, char)`. */
    private readonly indexed: boolean,
    private front = 0,
    private back = s.length,
    /** The byte offset of `front` (char_indices counts bytes from the start). */
    private frontByte = 0,
    private backByte = byteLen(s.slice(0, back)),
  ) {
    super();
  }
  typeName(): string {
    return this.indexed ? 'CharIndices' : 'Chars';
  }
  next(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    const c = String.fromCodePoint(this.s.codePointAt(this.front)!);
    const at = this.frontByte;
    this.front += c.length;
    this.frontByte += byteLen(c);
    return this.indexed ? new RTuple([at, new RChar(c)]) : new RChar(c);
  }
  override nextBack(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    const low = this.s.charCodeAt(this.back - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && this.back - 2 >= this.front ? 2 : 1;
    this.back -= width;
    const c = this.s.slice(this.back, this.back + width);
    this.backByte -= byteLen(c);
    return this.indexed ? new RTuple([this.backByte, new RChar(c)]) : new RChar(c);
  }
  override isDoubleEnded(): boolean {
    return true;
  }
  override sizeHint(): [number, number | null] {
    // core: at least one char per four bytes, at most one per byte.
    const bytes = this.backByte - this.frontByte;
    return [Math.ceil(bytes / 4), bytes];
  }
  override fork(): RIter {
    return new StrChars(this.s, this.indexed, this.front, this.back, this.frontByte, this.backByte);
  }
}
