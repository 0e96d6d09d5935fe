/**
 * Places: the storage an expression denotes (a local's slot, a field, a vector element, a slice, what a
 * reference or a smart pointer points at), references to them, and method receivers (auto-ref).
 */
import { isUserValue, userIndex } from './user-ops';
import { assert } from '../../base';
import { byteLen, sliceBytes, sliceError } from '../str-bytes';
import type { Expr } from '../../lang/ast';
import type { Gen } from '../poll';
import {
  copyOut,
  deref,
  REnum,
  RRange,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  TempPlace,
  type Place,
  type Value,
} from '../values';
import type { Frame } from './frame';
import { ArrayPlace, derefPlaceOf, isPlaceExpr, SlotPlace } from './frame';
import { Scopes } from './scopes';

/** A value that implements `Index` / `IndexMut` itself (maps, `VecDeque`): the place `v[idx]` denotes. */
export interface Indexable {
  indexPlace(interp: Places, idx: Value): Place;
}

export abstract class Places extends Scopes {
  /** The place an expression denotes; non-place expressions become temporaries. */
  *place(e: Expr, f: Frame): Gen<Place> {
    switch (e.k) {
      case 'path':
        if (e.res?.kind === 'local')
          return new SlotPlace(e.res.depth === 0 ? f : f.up(e.res.depth), e.res.slot);
        return new TempPlace(this.evs(e, f));
      case 'field': {
        const base = yield* this.place(e.expr, f);
        return this.fieldPlace(base, e.name, e);
      }
      case 'index': {
        const base = yield* this.place(e.expr, f);
        const idx = e.index.sync ? this.evs(e.index, f) : yield* this.ev(e.index, f);
        return this.indexPlace(base, idx, e);
      }
      case 'unary':
        if (e.op === '*') {
          const v = e.expr.sync ? this.evs(e.expr, f) : yield* this.ev(e.expr, f);
          this.borrowTemp(e.expr, v, f);
          return this.derefPlace(v, e);
        }
        break;
      default:
        break;
    }
    const v = e.sync ? this.evs(e, f) : yield* this.ev(e, f);
    if (typeof v === 'object' && !v.isCopy()) f.temps.push(v);
    return new TempPlace(v);
  }

  placeSync(e: Expr, f: Frame): Place {
    // A path is the most common place and never suspends: no generator for it.
    if (e.k === 'path') {
      if (e.res?.kind === 'local')
        return new SlotPlace(e.res.depth === 0 ? f : f.up(e.res.depth), e.res.slot);
      return new TempPlace(this.evs(e, f));
    }
    const g = this.place(e, f);
    const r = g.next();
    assert(r.done === true, 'synchronous place suspended');
    return r.value;
  }

  private fieldPlace(base: Place, name: string, e: Expr): Place {
    let v = base.get();
    for (let i = 0; i < 16; i++) {
      const x = v;
      if (x instanceof RStruct) {
        const idx = x.fieldIndex(name);
        if (idx < 0) this.unsupported(`no field \`${name}\` on type \`${x.def.name}\``, e.span);
        return new ArrayPlace(x.fields, idx);
      }
      if (x instanceof RTuple && /^\d+$/.test(name)) {
        const idx = Number(name);
        if (idx >= x.items.length) this.unsupported(`no field \`${name}\` on this tuple`, e.span);
        return new ArrayPlace(x.items, idx);
      }
      if (x instanceof REnum && x.names) {
        const idx = x.names.indexOf(name);
        if (idx >= 0) return new ArrayPlace(x.values, idx);
      }
      // std's and tokio's tuple structs held as enum-like values, whose variant is the type's name
      // (`std::cmp::Reverse(x).0`, `SendError(v).0`).
      if (
        x instanceof REnum &&
        (x.enumName === 'Reverse' || x.variant === x.enumName) &&
        /^\d+$/.test(name) &&
        Number(name) < x.values.length
      )
        return new ArrayPlace(x.values, Number(name));
      const inner = derefPlaceOf(x);
      if (!inner) break;
      v = inner.get();
    }
    return this.unsupported(
      `no field \`${name}\` on a value of type \`${typeof v === 'object' ? v.typeName() : typeof v}\``,
      e.span,
    );
  }

  private indexPlace(base: Place, idx: Value, e: Expr): Place {
    let v = base.get();
    for (let i = 0; i < 16; i++) {
      // Collections index themselves (`map[&key]`, `deque[i]`).
      const own = typeof v === 'object' ? (v as Partial<Indexable>).indexPlace : undefined;
      if (own) return own.call(v, this, idx);
      if (v instanceof RVec) {
        const n = deref(idx);
        if (n instanceof RRange) return this.slicePlace(v.items, n, e);
        // A bigint index (beyond 2^53) is out of bounds of any vector.
        if (typeof n === 'bigint')
          this.panic(`index out of bounds: the len is ${v.items.length} but the index is ${n}`, e.span);
        if (typeof n !== 'number')
          return this.unsupported('only integer indexing (and `buf[..n]`) is supported', e.span);
        if (n < 0 || n >= v.items.length)
          this.panic(`index out of bounds: the len is ${v.items.length} but the index is ${n}`, e.span);
        return new ArrayPlace(v.items, n);
      }
      const text = typeof v === 'string' ? v : v instanceof RString ? v.s : null;
      const r = deref(idx);
      if (text !== null && r instanceof RRange) {
        // `&s[a..b]` by byte offsets, as a fresh &str, with core's panics for a bad range.
        const begin = r.from === null ? 0 : bound(r.from);
        const end = r.to === null ? byteLen(text) : bound(r.to) + (r.inclusive ? 1 : 0);
        const err = sliceError(text, begin, end);
        if (err !== null) this.panic(err, e.span);
        return new TempPlace(sliceBytes(text, begin, end));
      }
      if (typeof v === 'object' && isUserValue(v)) {
        const u = userIndex(this, base, idx);
        if (u) return u;
      }
      const inner = derefPlaceOf(v);
      if (!inner) break;
      base = inner;
      v = inner.get();
    }
    return this.unsupported(
      `cannot index into a value of type \`${typeof v === 'object' ? v.typeName() : typeof v}\``,
      e.span,
    );
  }

  /**
   * `buf[a..b]`: a slice of the vector's items. Reading it gives a copy (a shared slice cannot change
   * while it is borrowed, so the copy is indistinguishable); writing it (`&mut buf[..n]` filled by a read)
   * writes the items back in place.
   */
  private slicePlace(items: Value[], r: RRange, e: Expr): Place {
    const len = items.length;
    const from = r.from === null ? 0 : bound(r.from);
    const to = r.to === null ? len : bound(r.to) + (r.inclusive ? 1 : 0);
    const text = (b: unknown, n: number) => (typeof b === 'bigint' ? String(b) : String(n));
    if (to > len)
      this.panic(`range end index ${text(r.to, to)} out of range for slice of length ${len}`, e.span);
    if (from > to) this.panic(`slice index starts at ${text(r.from, from)} but ends at ${to}`, e.span);
    return {
      get: () => new RVec(items.slice(from, to)),
      set: (x: Value) => {
        const src = deref(x);
        if (src instanceof RVec) for (let i = 0; i < to - from; i++) items[from + i] = src.items[i]!;
      },
    };
  }

  private derefPlace(v: Value, e: Expr): Place {
    if (v instanceof RRef) return v.place;
    const inner = typeof v === 'object' ? derefPlaceOf(v) : null;
    if (inner) return inner;
    // `*x` where x is already a value (a Copy value bound from a reference).
    return new TempPlace(v);
    void e;
  }

  /** Reads a field or element by value: a Copy aggregate comes out as a copy (`let q = line.start;`). */
  protected readPlace(p: Place, e: Expr): Value {
    const v = p.get();
    if (v === undefined) this.unsupported('read of an uninitialised value', e.span);
    return copyOut(v);
  }

  protected makeRef(p: Place, mut: boolean, inner: Expr, _f: Frame): Value {
    const v = p.get();
    // References to Copy values and to functions can be the value itself; others point at the place.
    if (!mut && typeof v !== 'object') return v;
    void inner;
    return new RRef(p, mut);
  }

  /**
   * A value used only by reference (a deref, a comparison, a format argument) that no binding owns: a
   * temporary, dropped at the end of the enclosing statement — e.g. the guard in `*m.lock().unwrap() += 1`.
   */
  protected borrowTemp(e: Expr, v: Value, f: Frame): void {
    if (typeof v === 'object' && !isPlaceExpr(e) && !v.isCopy() && e.k !== 'path') f.temps.push(v);
  }

  /** A method receiver: its place (auto-ref) and value. */
  protected *receiver(
    e: Expr,
    f: Frame,
  ): Gen<{ place: Place; value: Value; temp: boolean; expr: Expr; frame: Frame }> {
    if (isPlaceExpr(e)) {
      const p = yield* this.place(e, f);
      return { place: p, value: p.get(), temp: false, expr: e, frame: f };
    }
    return this.tempReceiver(e.sync ? this.evs(e, f) : yield* this.ev(e, f), e, f);
  }

  /** The receiver for a value that is not a place (a call's result): a temporary. */
  protected tempReceiver(
    v: Value,
    e: Expr,
    f: Frame,
  ): { place: Place; value: Value; temp: boolean; expr: Expr; frame: Frame } {
    return { place: new TempPlace(v), value: v, temp: true, expr: e, frame: f };
  }

  protected receiverSync(
    e: Expr,
    f: Frame,
  ): { place: Place; value: Value; temp: boolean; expr: Expr; frame: Frame } {
    // `receiver` without its generator: `e` is sync (evs's callers and `ev` for a sync receiver).
    if (isPlaceExpr(e)) {
      const p = this.placeSync(e, f);
      return { place: p, value: p.get(), temp: false, expr: e, frame: f };
    }
    return this.tempReceiver(this.evs(e, f), e, f);
  }
}

/**
 * A range bound as a number: a u64/usize beyond 2^53 is a bigint (exact integers), larger than any length,
 * so its nearest number compares the same way; the panic messages print the exact value.
 */
function bound(b: unknown): number {
  return typeof b === 'bigint' ? Number(b) : (b as number);
}
