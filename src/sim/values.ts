/**
 * Runtime values of the interpreted Rust subset.
 *
 * - Integers are exact: a JS number while safe (|x| < 2^53), a bigint beyond (int.ts; the type pass gives
 *   each operation its kind). `bool` is boolean, `&str` is a JS string. Everything else is an object: `RString` (an owned, growable `String`), `RVec`, `RTuple`,
 *   `RStruct`, `REnum` (Option, Result, Poll and user enums), `F64`, `RChar`, `RRef` (a reference to a
 *   place), closures, futures and runtime handles (channels, join handles, wakers...).
 * - Ownership: an owned value that holds a resource is dropped exactly once (`dropValue` in drops.ts).
 *   References (`RRef`) never own. `isCopy` tells which values a move leaves usable (Rust's `Copy`).
 */
import type { EnumItem, StructItem } from '../lang/ast';
import { slotsBytes, stringBytes, type Held } from './memory';

export type Value = number | bigint | boolean | string | RObject;

/** Every non-primitive runtime value. `typeName` is what `{:?}` and the state-machine view show. */
export abstract class RObject {
  abstract typeName(): string;
  /** Rust `Copy`: a move leaves the source usable, and the value owns nothing to drop. */
  isCopy(): boolean {
    return false;
  }
}

export class Unit extends RObject {
  typeName(): string {
    return '()';
  }
  override isCopy(): boolean {
    return true;
  }
}
export const UNIT = new Unit();

export class F64 extends RObject {
  constructor(readonly v: number) {
    super();
  }
  typeName(): string {
    return 'f64';
  }
  override isCopy(): boolean {
    return true;
  }
}

/** An `f32`: the value is always rounded to f32 (`Math.fround`) and prints with f32's shortest digits. */
export class F32 extends F64 {
  override typeName(): string {
    return 'f32';
  }
}

/** A float value: an `f32` (rounded) when `f32`, else an `f64`. */
export function float(v: number, f32: boolean): F64 {
  return f32 ? new F32(Math.fround(v)) : new F64(v);
}

export class RChar extends RObject {
  constructor(readonly c: string) {
    super();
  }
  typeName(): string {
    return 'char';
  }
  override isCopy(): boolean {
    return true;
  }
}

/**
 * An owned `String`. `&str` values are plain JS strings (borrowed: nothing to charge). Held: two bytes a
 * UTF-16 unit and a header (memory.ts `stringBytes`).
 */
export class RString extends RObject implements Held {
  heldBytes = 0;
  constructor(public s: string) {
    super();
  }
  typeName(): string {
    return 'String';
  }
  ownBytes(): number {
    return stringBytes(this.s.length);
  }
}

/**
 * Held: a slot per item, and an object per item for small objects that are not charged themselves. An array
 * (`[T; N]`) is fixed-size and mostly a `Copy` value living in a local, like a Rust stack value: it is
 * checked before it is built (`vec![x; n]`, `[x; n]` reserve its size) and counted inside the containers
 * that hold it (`slotsBytes`), not tracked on its own.
 */
export class RVec extends RObject implements Held {
  heldBytes = 0;
  constructor(
    public items: Value[],
    /** `[T; N]` arrays are `Copy` when their items are. */
    readonly array = false,
  ) {
    super();
  }
  typeName(): string {
    const first = this.items[0];
    const inner = first === undefined ? '_' : typeNameOf(first);
    return this.array ? `[${inner}; ${this.items.length}]` : `Vec<${inner}>`;
  }
  override isCopy(): boolean {
    return this.array && this.items.every(isCopy);
  }
  ownBytes(): number {
    return this.array ? 0 : slotsBytes(this.items.length, this.items[0]);
  }
}

export class RTuple extends RObject {
  constructor(readonly items: Value[]) {
    super();
  }
  typeName(): string {
    return `(${this.items.map(typeNameOf).join(', ')})`;
  }
  override isCopy(): boolean {
    return this.items.every(isCopy);
  }
}

export class RStruct extends RObject {
  constructor(
    readonly def: StructItem,
    /** Field values in declaration order. */
    readonly fields: Value[],
  ) {
    super();
  }
  typeName(): string {
    return this.def.name;
  }
  override isCopy(): boolean {
    return this.def.derives.includes('Copy');
  }
  fieldIndex(name: string): number {
    return this.def.fields.findIndex((f) => f.name === name);
  }
}

/** A variant of an enum: `Some(3)`, `None`, `Ok(())`, `Poll::Pending`, a user enum's variant. */
export class REnum extends RObject {
  constructor(
    readonly enumName: string,
    readonly variant: string,
    /** Tuple-variant payload (empty for unit variants). */
    readonly values: Value[],
    /** Field names for struct-like variants. */
    readonly names: string[] | null = null,
    readonly def: EnumItem | null = null,
  ) {
    super();
  }
  typeName(): string {
    if (this.enumName === 'Option')
      return `Option<${this.values[0] === undefined ? '_' : typeNameOf(this.values[0])}>`;
    if (this.enumName === 'Result') return 'Result<_, _>';
    return this.enumName;
  }
  override isCopy(): boolean {
    if (this.def) return this.def.derives.includes('Copy');
    return this.values.every(isCopy);
  }
}

export const NONE = new REnum('Option', 'None', []);
export const some = (v: Value): REnum => new REnum('Option', 'Some', [v]);
export const okVal = (v: Value): REnum => new REnum('Result', 'Ok', [v]);
export const errVal = (v: Value): REnum => new REnum('Result', 'Err', [v]);
export const POLL_PENDING = new REnum('Poll', 'Pending', []);
export const pollReady = (v: Value): REnum => new REnum('Poll', 'Ready', [v]);

/** A place that can be read and written: a local slot, a struct field, a vector element. */
export interface Place {
  get(): Value;
  set(v: Value): void;
}

/** `&x` / `&mut x`: a reference to a place. References never own what they point at. */
export class RRef extends RObject {
  constructor(
    readonly place: Place,
    readonly mut: boolean,
  ) {
    super();
  }
  typeName(): string {
    return `&${this.mut ? 'mut ' : ''}${typeNameOf(this.place.get())}`;
  }
  override isCopy(): boolean {
    return !this.mut;
  }
}

/** A place holding a value that exists only through the reference (`&5`, `&mut vec![]`). */
export class TempPlace implements Place {
  constructor(private v: Value) {}
  get(): Value {
    return this.v;
  }
  set(v: Value): void {
    this.v = v;
  }
}

/** `std::time::Duration` (also `tokio::time::Duration`). */
export class RDuration extends RObject {
  /**
   * `ns` is what timers and the clock use; a duration beyond 2^53 ns (104 days) also keeps its exact
   * count in `exactNs` (`Duration::MAX`, `from_secs(u64::MAX / 1000)`), read by `as_*`, `{:?}` and `==`,
   * while `ns` stays at 2^53 - 1 (far beyond any simulated run).
   */
  constructor(
    readonly ns: number,
    readonly exactNs: bigint | null = null,
  ) {
    super();
  }
  typeName(): string {
    return 'Duration';
  }
  override isCopy(): boolean {
    return true;
  }
}

/** `std::time::Instant` reads machine time; `tokio::time::Instant` reads the tokio clock (paused or not). */
export class RInstant extends RObject {
  constructor(
    readonly ns: number,
    readonly tokio: boolean,
  ) {
    super();
  }
  typeName(): string {
    return 'Instant';
  }
  override isCopy(): boolean {
    return true;
  }
}

/** A range value `a..b` / `a..=b` / `a..`. */
export class RRange extends RObject {
  constructor(
    readonly from: Value | null,
    readonly to: Value | null,
    readonly inclusive: boolean,
  ) {
    super();
  }
  typeName(): string {
    return this.inclusive ? 'RangeInclusive' : 'Range';
  }
  fmtDebug(): string {
    const a = this.from === null ? '' : String(this.from);
    const b = this.to === null ? '' : String(this.to);
    return `${a}${this.inclusive ? '..=' : '..'}${b}`;
  }
  override isCopy(): boolean {
    return false;
  }
}

/** Follows references to the value they point at. */
export function deref(v: Value): Value {
  while (v instanceof RRef) v = v.place.get();
  return v;
}

export function isCopy(v: Value): boolean {
  return typeof v !== 'object' || v.isCopy();
}

const COPIED = new Set<unknown>([RStruct, REnum, RTuple, RVec]);

/**
 * Reading a `Copy` value out of a place duplicates it: `let mut b = a; b.x = 5;` must leave `a` alone. The
 * mutable aggregates (structs, enums, tuples, arrays) are copied deeply; every other Copy value (numbers,
 * `F64`, `RChar`, shared references, `Duration`) is immutable here and can be shared.
 */
export function copyOut(v: Value): Value {
  // Subclasses (error values with fixed text) are immutable: only the plain aggregates are copied.
  if (typeof v !== 'object' || !COPIED.has(v.constructor)) return v;
  if (v instanceof RStruct) return v.isCopy() ? new RStruct(v.def, v.fields.map(copyOut)) : v;
  if (v instanceof REnum)
    return v.values.length > 0 && v.isCopy()
      ? new REnum(v.enumName, v.variant, v.values.map(copyOut), v.names, v.def)
      : v;
  if (v instanceof RTuple) return v.isCopy() ? new RTuple(v.items.map(copyOut)) : v;
  if (v instanceof RVec) return v.array && v.isCopy() ? new RVec(v.items.map(copyOut), true) : v;
  return v;
}

export function typeNameOf(v: Value): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      // Integers are untyped at run time: say so the way rustc does, rather than guess i32 for a u8.
      return '{integer}';
    case 'boolean':
      return 'bool';
    case 'string':
      return '&str';
    default:
      return v.typeName();
  }
}
