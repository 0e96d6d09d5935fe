/**
 * Pattern matching in two phases: `matches` tests without side effects, `bind` then writes the bindings.
 *
 * Binding modes follow Rust: matching through a reference binds by reference (the binding is an `RRef` to
 * the matched part and owns nothing); matching an owned value binds by value (the binding owns its part).
 */
import type { Lit, Pat, PathRes } from '../../lang/ast';
import type { Frame } from './frame';
import { ArrayPlace } from './frame';
import { equals, compare } from './ops';
import {
  F64,
  RChar,
  REnum,
  RRef,
  RString,
  RStruct,
  RTuple,
  RVec,
  TempPlace,
  deref,
  isCopy,
  type Place,
  type Value,
} from '../values';

export type ConstLookup = (res: PathRes) => Value | null;

function litValue(l: Lit): Value {
  switch (l.t) {
    case 'int':
      return l.v;
    case 'float':
      return new F64(l.v);
    case 'str':
      return l.v;
    case 'bytestr':
      return l.v;
    case 'bool':
      return l.v;
    case 'char':
      return new RChar(l.v);
  }
}

const noPanic = (m: string): never => {
  throw new Error(m);
};

/** The enum variant name a path pattern or constructor refers to (`Some`, `Poll::Ready`, `Shape::Circle`). */
function variantOf(res: PathRes | undefined, path: string[]): { enumName: string | null; variant: string } {
  if (res?.kind === 'variant') return { enumName: res.enumName, variant: res.variant };
  if (res?.kind === 'builtin') {
    const parts = res.name.split('::');
    return {
      enumName: parts.length > 1 ? parts[parts.length - 2]! : null,
      variant: parts[parts.length - 1]!,
    };
  }
  return { enumName: null, variant: path[path.length - 1]! };
}

export function matches(p: Pat, v: Value, consts: ConstLookup): boolean {
  const x = deref(v);
  switch (p.k) {
    case 'wild':
    case 'rest':
      return true;
    case 'bind':
      return p.sub ? matches(p.sub, x, consts) : true;
    case 'lit': {
      const lv = litValue(p.value);
      if (p.value.t === 'str')
        return (typeof x === 'string' ? x : x instanceof RString ? x.s : null) === p.value.v;
      return equals(x, lv);
    }
    case 'range': {
      if (p.lo && compare(x, litValue(p.lo), noPanic) < 0) return false;
      if (p.hi) {
        const c = compare(x, litValue(p.hi), noPanic);
        return p.inclusive ? c <= 0 : c < 0;
      }
      return true;
    }
    case 'tuple': {
      const items = x instanceof RTuple ? x.items : x instanceof RVec ? x.items : null;
      if (!items) return false;
      return matchSeq(p.items, items, consts);
    }
    case 'tstruct': {
      if (x instanceof RStruct)
        return p.res?.kind === 'struct' && p.res.item === x.def && matchSeq(p.items, x.fields, consts);
      if (!(x instanceof REnum)) return false;
      const { variant } = variantOf(p.res, p.path);
      if (x.variant !== variant) return false;
      return matchSeq(p.items, x.values, consts);
    }
    case 'path': {
      if (p.res?.kind === 'const') {
        const c = consts(p.res);
        return c !== null && equals(x, c);
      }
      if (p.res?.kind === 'struct') return x instanceof RStruct && x.def === p.res.item;
      if (!(x instanceof REnum)) return false;
      return x.variant === variantOf(p.res, p.path).variant && x.values.length === 0;
    }
    case 'struct': {
      if (x instanceof RStruct) {
        if (p.res?.kind !== 'struct' || p.res.item !== x.def) return false;
        return p.fields.every((f) => {
          const i = x.fieldIndex(f.name);
          return i >= 0 && matches(f.pat, x.fields[i]!, consts);
        });
      }
      if (x instanceof REnum && x.names) {
        if (x.variant !== variantOf(p.res, p.path).variant) return false;
        return p.fields.every((f) => {
          const i = x.names!.indexOf(f.name);
          return i >= 0 && matches(f.pat, x.values[i]!, consts);
        });
      }
      return false;
    }
    case 'ref':
      return matches(p.pat, x, consts);
    case 'or':
      return p.alts.some((a) => matches(a, x, consts));
  }
}

function matchSeq(pats: Pat[], items: Value[], consts: ConstLookup): boolean {
  const rest = pats.findIndex((q) => q.k === 'rest');
  if (rest < 0) return pats.length === items.length && pats.every((q, i) => matches(q, items[i]!, consts));
  const after = pats.length - rest - 1;
  if (items.length < rest + after) return false;
  for (let i = 0; i < rest; i++) if (!matches(pats[i]!, items[i]!, consts)) return false;
  for (let i = 0; i < after; i++)
    if (!matches(pats[rest + 1 + i]!, items[items.length - after + i]!, consts)) return false;
  return true;
}

/**
 * Writes the bindings of a pattern that `matches` accepted. `place` is where `v` lives (for by-reference
 * bindings); `byRef` says the default binding mode is by reference. Returns true if a non-Copy part was
 * bound by value (the caller then treats the scrutinee as moved).
 */
export function bind(
  p: Pat,
  v: Value,
  place: Place | null,
  f: Frame,
  byRef: boolean,
  consts: ConstLookup,
): boolean {
  if (v instanceof RRef) {
    // A binding takes the reference itself (`Some(n)` against `Some(&mut x)`: `*n += 1` writes x);
    // other patterns match through it, binding by reference.
    if (p.k === 'bind' && !p.sub && !p.byRef) {
      const target = v.place.get();
      f.bind(p.slot, !v.mut && isCopy(target) ? target : v, false);
      return false;
    }
    return bind(p, v.place.get(), v.place, f, true, consts);
  }
  switch (p.k) {
    case 'wild':
    case 'rest':
    case 'lit':
    case 'range':
    case 'path':
      return false;
    case 'bind': {
      let moved = false;
      if (p.sub) moved = bind(p.sub, v, place, f, byRef, consts);
      if (byRef || p.byRef) {
        // Copy values are bound directly: `&u32` behaves like `u32` everywhere the subset can observe.
        const r = isCopy(v) ? v : new RRef(place ?? new TempPlace(v), p.mut);
        f.bind(p.slot, r, false);
        return moved;
      }
      f.bind(p.slot, v, true);
      return moved || !isCopy(v);
    }
    case 'tuple': {
      const items = v instanceof RTuple ? v.items : (v as RVec).items;
      return bindSeq(p.items, items, f, byRef, consts);
    }
    case 'tstruct': {
      const items = v instanceof RStruct ? v.fields : (v as REnum).values;
      return bindSeq(p.items, items, f, byRef, consts);
    }
    case 'struct': {
      let moved = false;
      for (const fp of p.fields) {
        const arr = v instanceof RStruct ? v.fields : (v as REnum).values;
        const i = v instanceof RStruct ? v.fieldIndex(fp.name) : (v as REnum).names!.indexOf(fp.name);
        moved = bind(fp.pat, arr[i]!, new ArrayPlace(arr, i), f, byRef, consts) || moved;
      }
      return moved;
    }
    case 'ref':
      return bind(p.pat, v, place, f, false, consts);
    case 'or': {
      const alt = p.alts.find((a) => matches(a, v, consts))!;
      return bind(alt, v, place, f, byRef, consts);
    }
  }
}

function bindSeq(pats: Pat[], items: Value[], f: Frame, byRef: boolean, consts: ConstLookup): boolean {
  let moved = false;
  const rest = pats.findIndex((q) => q.k === 'rest');
  const after = rest < 0 ? 0 : pats.length - rest - 1;
  pats.forEach((q, i) => {
    if (q.k === 'rest') return;
    const idx = rest < 0 || i < rest ? i : items.length - after + (i - rest - 1);
    moved = bind(q, items[idx]!, new ArrayPlace(items, idx), f, byRef, consts) || moved;
  });
  return moved;
}
