/**
 * Activation frames and places.
 *
 * A frame has one slot per binding of its function (the resolver numbers them) and an `owned` bit per slot:
 * set when the slot holds a value it must drop at the end of its scope, cleared when the value is moved out.
 * Closures and non-`move` async blocks reach their creator's locals through `parent`.
 */
import type { Expr, FnInfo } from '../../lang/ast';
import { RRef, isCopy, type Place, type Value } from '../values';

export class Frame {
  readonly slots: (Value | undefined)[];
  readonly owned: Uint8Array;
  /** Temporaries to drop at the end of the current statement (method receivers, `&temp`). */
  temps: Value[] = [];
  /** What `Self` is in a trait's default method or a blanket impl: the receiver's type key. */
  selfKey: string | null = null;
  /** The types a generic fn's parameters stand for in this call (`T` → `Config`), when its body asks. */
  typeArgs: Map<string, string> | null = null;

  constructor(
    readonly info: FnInfo,
    readonly parent: Frame | null,
  ) {
    this.slots = new Array<Value | undefined>(info.slotCount);
    this.owned = new Uint8Array(info.slotCount);
  }

  /** The frame `depth` levels up the capture chain. */
  up(depth: number): Frame {
    if (depth === 0) return this;
    let f = this.parent!;
    for (let i = 1; i < depth; i++) f = f.parent!;
    return f;
  }

  /** `Self` here, looking through closures and async blocks to the fn they are in. */
  findSelfKey(): string | null {
    if (this.selfKey !== null) return this.selfKey;
    return this.parent ? this.parent.findSelfKey() : null;
  }

  /** The type a type parameter stands for here. */
  findTypeArg(name: string): string | null {
    const k = this.typeArgs?.get(name);
    if (k !== undefined) return k;
    return this.parent ? this.parent.findTypeArg(name) : null;
  }

  bind(slot: number, v: Value, owned: boolean): void {
    this.slots[slot] = v;
    this.owned[slot] = owned && !isCopy(v) ? 1 : 0;
  }
}

export class SlotPlace implements Place {
  constructor(
    readonly frame: Frame,
    readonly slot: number,
  ) {}
  get(): Value {
    return this.frame.slots[this.slot]!;
  }
  set(v: Value): void {
    this.frame.slots[this.slot] = v;
    this.frame.owned[this.slot] = isCopy(v) ? 0 : 1;
  }
}

/** An element of an array-backed container: a struct field, a tuple field, a Vec element, an enum payload. */
export class ArrayPlace implements Place {
  constructor(
    readonly array: Value[],
    readonly index: number,
  ) {}
  get(): Value {
    return this.array[this.index]!;
  }
  set(v: Value): void {
    this.array[this.index] = v;
  }
}

/** Place expressions name existing storage; everything else produces a temporary. */
export function isPlaceExpr(e: Expr): boolean {
  return (
    (e.k === 'path' && e.res?.kind === 'local') ||
    e.k === 'field' ||
    e.k === 'index' ||
    (e.k === 'unary' && e.op === '*')
  );
}

/** Values that deref to an inner place: references, `Arc`, guards, `Box`. */
export function derefPlaceOf(v: Value): Place | null {
  if (v instanceof RRef) return v.place;
  if (typeof v === 'object') {
    const d = (v as { derefPlace?: () => Place | null }).derefPlace;
    if (d) return d.call(v);
  }
  return null;
}

export function derefOnce(v: Value): Value {
  const p = typeof v === 'object' ? derefPlaceOf(v) : null;
  return p ? p.get() : v;
}
