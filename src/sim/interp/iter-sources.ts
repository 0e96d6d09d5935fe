/**
 * The iterators everything starts from: ranges (`0..n`, `(1..)`, `'a'..='z'`), slices by reference
 * (`v.iter()`, `v.iter_mut()`, `for x in &v`) and lists of owned values (`v.into_iter()`, `chars()`,
 * a collection's items). Each is double-ended and knows its exact length; each charges every item it
 * produces to the step budget (`charge`).
 */
import { ArrayPlace } from './frame';
import { charge, DONE, RIter, type Pull } from './iter-protocol';
import type { InterpCore } from './core';
import { cloneValue } from './clone';
import { isCopy, RChar, RRef, type Value } from '../values';

/** An integer as the interpreter holds it: a number while it is a safe integer, a bigint beyond. */
type Int = number | bigint;

/** An integer as a `Value` (bigints are values once integers are exact beyond 2^53). */
const intValue = (x: Int): Value => x as unknown as Value;

/** `x + d` exactly (beyond 2^53 in bigints). */
function step(x: Int, d: 1 | -1): Int {
  if (typeof x === 'number' && Number.isSafeInteger(x + d)) return x + d;
  return norm(BigInt(x) + BigInt(d));
}

function norm(b: bigint): Int {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/** `a..b`, `a..=b`, `a..` over integers: `front` is the next item, `back` one past the last (null: endless). */
export class RangeIter extends RIter {
  constructor(
    private front: Int,
    private back: Int | null,
    /** Print the state the way `{:?}` prints the Range it came from. */
    private readonly inclusive = false,
  ) {
    super();
  }

  /** The range `from..to` (`..=` when `inclusive`); `to` null for `from..`. */
  static of(from: Int, to: Int | null, inclusive: boolean): RangeIter {
    let back: Int | null = to;
    if (to !== null && inclusive) back = step(to, 1);
    return new RangeIter(from, back, inclusive);
  }

  typeName(): string {
    return this.back === null ? 'RangeFrom' : this.inclusive ? 'RangeInclusive' : 'Range';
  }

  next(cx: InterpCore): Pull {
    const f = this.front;
    if (this.back !== null && !(f < this.back)) return DONE;
    charge(cx);
    this.front = step(f, 1);
    return intValue(f);
  }

  override nextBack(cx: InterpCore): Pull {
    if (this.back === null) return super.nextBack(cx);
    if (!(this.front < this.back)) return DONE;
    charge(cx);
    const b = this.back;
    this.back = step(b, -1);
    return intValue(this.back);
  }

  override isDoubleEnded(): boolean {
    return this.back !== null;
  }

  override exactLen(): number | null {
    if (this.back === null) return null;
    if (!(this.front < this.back)) return 0;
    return Number(BigInt(this.back) - BigInt(this.front));
  }

  override sizeHint(): [number, number | null] {
    if (this.back === null) return [Number.MAX_SAFE_INTEGER, null];
    const n = this.exactLen()!;
    return [n, n];
  }

  override fork(): RIter {
    return new RangeIter(this.front, this.back, this.inclusive);
  }

  fmtDebug(): string {
    if (this.back === null) return `${this.front}..`;
    if (this.inclusive) {
      const last = typeof this.back === 'number' ? this.back - 1 : norm(this.back - 1n);
      return `${this.front}..=${last}`;
    }
    return `${this.front}..${this.back}`;
  }
}

/** `'a'..='z'`: chars by code point, skipping the surrogate gap as `char`'s `Step` does. */
export class CharRangeIter extends RIter {
  constructor(
    private front: number,
    private back: number,
  ) {
    super();
  }
  typeName(): string {
    return 'RangeInclusive<char>';
  }
  next(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    const c = this.front;
    this.front = c === 0xd7ff ? 0xe000 : c + 1;
    return new RChar(String.fromCodePoint(c));
  }
  override nextBack(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    let b = this.back - 1;
    if (b >= 0xd800 && b <= 0xdfff) b = 0xd7ff;
    this.back = b;
    return new RChar(String.fromCodePoint(b));
  }
  override isDoubleEnded(): boolean {
    return true;
  }
  override exactLen(): number {
    const n = this.back - this.front;
    const gap = this.front <= 0xd7ff && this.back > 0xdfff ? 0x800 : 0;
    return Math.max(0, n - gap);
  }
  override fork(): RIter {
    return new CharRangeIter(this.front, this.back);
  }
}

/**
 * Items of a slice by reference (`iter()`, `iter_mut()`, `&v`): shared references to Copy items are the
 * items themselves (the subset cannot tell `&u32` from `u32`), others are references to their slot.
 */
export class SliceIter extends RIter {
  constructor(
    private readonly items: Value[],
    private readonly mut: boolean,
    private front = 0,
    private back = items.length,
    private readonly label = mut ? 'IterMut' : 'Iter',
  ) {
    super();
  }
  typeName(): string {
    return this.label;
  }
  private at(i: number): Value {
    const x = this.items[i]!;
    return !this.mut && isCopy(x) ? x : new RRef(new ArrayPlace(this.items, i), this.mut);
  }
  next(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    return this.at(this.front++);
  }
  override nextBack(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    return this.at(--this.back);
  }
  override isDoubleEnded(): boolean {
    return true;
  }
  override exactLen(): number {
    return Math.max(0, this.back - this.front);
  }
  override fork(): RIter {
    return new SliceIter(this.items, this.mut, this.front, this.back, this.label);
  }
  /** What is left, as `Iter::as_slice` shows it. */
  rest(): Value[] {
    return this.items.slice(this.front, this.back);
  }
}

/**
 * Owned items handed out by value (`vec.into_iter()`, `chars()`, `drain(..)`, a collection's `into_iter`).
 * When `owned`, dropping the iterator drops the items it has not handed out, as `vec::IntoIter` does.
 */
export class ListIter extends RIter {
  private front = 0;
  private back: number;
  constructor(
    private readonly items: Value[],
    private readonly label: string,
    private readonly owned = true,
  ) {
    super();
    this.back = items.length;
  }
  typeName(): string {
    return this.label;
  }
  next(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    return this.items[this.front++]!;
  }
  override nextBack(cx: InterpCore): Pull {
    if (this.front >= this.back) return DONE;
    charge(cx);
    return this.items[--this.back]!;
  }
  override isDoubleEnded(): boolean {
    return true;
  }
  override exactLen(): number {
    return Math.max(0, this.back - this.front);
  }
  override fork(cx: InterpCore): RIter {
    const rest = this.items.slice(this.front, this.back).map((x) => cloneValue(cx, x));
    return new ListIter(rest, this.label, this.owned);
  }
  override dropValue(interp: InterpCore): void {
    if (!this.owned) return;
    const rest = this.items.slice(this.front, this.back);
    this.front = this.back;
    for (const x of rest) interp.dropValue(x);
  }
  rest(): Value[] {
    return this.items.slice(this.front, this.back);
  }
}
