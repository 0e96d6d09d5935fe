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
  Unit,
  copyOut,
  deref,
  isCopy,
  typeNameOf,
  type Place,
  type Value,
} from '../values';
import { UnsupportedError } from '../panic';

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
      // `()` is the unit value, not an empty tuple object: `Ok(())`, `Some(())`, `let () = u`.
      if (p.items.length === 0) return x instanceof Unit;
      const items = x instanceof RTuple ? x.items : x instanceof RVec ? x.items : null;
      if (!items) return false;
      return matchSeq(p.items, items, consts);
    }
    case 'slice':
      return x instanceof RVec && matchSeq(p.items, x.items, consts);
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

/** `..` or `name @ ..` (a slice pattern's rest, bound to the sub-slice it covers). */
function isRest(p: Pat): boolean {
  return p.k === 'rest' || (p.k === 'bind' && p.sub?.k === 'rest');
}

function matchSeq(pats: Pat[], items: Value[], consts: ConstLookup): boolean {
  const rest = pats.findIndex(isRest);
  if (rest < 0) return pats.length === items.length && pats.every((q, i) => matches(q, items[i]!, consts));
  const after = pats.length - rest - 1;
  if (items.length < rest + after) return false;
  for (let i = 0; i < rest; i++) if (!matches(pats[i]!, items[i]!, consts)) return false;
  for (let i = 0; i < after; i++)
    if (!matches(pats[rest + 1 + i]!, items[items.length - after + i]!, consts)) return false;
  return true;
}

/**
 * How a binding without `ref` binds: by value (`move`), or — after matching through a reference — by shared
 * (`ref`) or mutable (`mut`) reference, Rust's default binding modes.
 */
export type BindMode = 'move' | 'ref' | 'mut';

/**
 * Writes the bindings of a pattern that `matches` accepted. `place` is where `v` lives (for by-reference
 * bindings); `mode` is the default binding mode. Returns true if a non-Copy part was bound by value (the
 * caller then treats the scrutinee as moved).
 */
export function bind(
  p: Pat,
  v: Value,
  place: Place | null,
  f: Frame,
  mode: BindMode,
  consts: ConstLookup,
): boolean {
  if (v instanceof RRef && p.k !== 'bind') {
    // Matching a non-binding pattern through a reference switches the default mode to `ref` / `ref mut`.
    return bind(p, v.place.get(), v.place, f, mode === 'ref' || !v.mut ? 'ref' : 'mut', consts);
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
      if (p.sub) moved = bind(p.sub, v, place, f, mode, consts);
      if (p.byRef) {
        // `ref x` / `ref mut x`: a reference to the matched part, so writes through it reach the original.
        const target = v instanceof RRef ? v.place.get() : v;
        const at = v instanceof RRef ? v.place : (place ?? new TempPlace(v));
        f.bind(p.slot, !p.mut && isCopy(target) ? copyOut(target) : new RRef(at, p.mut), false);
        return moved;
      }
      if (v instanceof RRef) {
        // A reference bound as it is (`Some(r)` where the payload is `&T`, or a default-mode binding).
        f.bind(p.slot, v, false);
        return moved;
      }
      if (mode === 'ref') {
        // Copy values are bound directly: `&u32` behaves like `u32` everywhere the subset can observe.
        f.bind(p.slot, isCopy(v) ? v : new RRef(place ?? new TempPlace(v), false), false);
        return moved;
      }
      if (mode === 'mut') {
        f.bind(p.slot, new RRef(place ?? new TempPlace(v), true), false);
        return moved;
      }
      f.bind(p.slot, copyOut(v), true);
      return moved || !isCopy(v);
    }
    case 'tuple': {
      if (p.items.length === 0) return false;
      const items = v instanceof RTuple || v instanceof RVec ? v.items : shapeMismatch(p, v, 'a tuple');
      return bindSeq(p.items, items, f, mode, consts);
    }
    case 'slice': {
      if (!(v instanceof RVec)) shapeMismatch(p, v, 'an array or a slice');
      return bindSeq(p.items, v.items, f, mode, consts, v.array);
    }
    case 'tstruct': {
      const items =
        v instanceof RStruct
          ? v.fields
          : v instanceof REnum
            ? v.values
            : shapeMismatch(p, v, 'a tuple struct');
      return bindSeq(p.items, items, f, mode, consts);
    }
    case 'struct': {
      let moved = false;
      for (const fp of p.fields) {
        const arr = v instanceof RStruct ? v.fields : (v as REnum).values;
        const i = v instanceof RStruct ? v.fieldIndex(fp.name) : (v as REnum).names!.indexOf(fp.name);
        moved = bind(fp.pat, arr[i]!, new ArrayPlace(arr, i), f, mode, consts) || moved;
      }
      return moved;
    }
    case 'ref':
      return bind(p.pat, v, place, f, 'move', consts);
    case 'or': {
      const alt = p.alts.find((a) => matches(a, v, consts))!;
      return bind(alt, v, place, f, mode, consts);
    }
  }
}

/**
 * A binding pattern met a value of another shape: a program rustc rejects (mismatched types), which
 * Pollscope's dynamic interpreter sees only when the value arrives (the fuzz campaign found
 * `Some((a, ..(b, c)))` fed back into an `unfold` closure's `|(a, b)|`).
 */
function shapeMismatch(p: Pat, v: Value, expected: string): never {
  throw new UnsupportedError(
    `mismatched types: this pattern expects ${expected}, but the value is ${typeNameOf(v)} (rustc rejects this program)`,
    p.span,
  );
}

function bindSeq(
  pats: Pat[],
  items: Value[],
  f: Frame,
  mode: BindMode,
  consts: ConstLookup,
  array = false,
): boolean {
  let moved = false;
  const rest = pats.findIndex(isRest);
  const after = rest < 0 ? 0 : pats.length - rest - 1;
  pats.forEach((q, i) => {
    if (q.k === 'rest') return;
    if (i === rest) {
      // `tail @ ..`: the sub-slice (by value out of an array, else a reference to a copy of the range:
      // writes through a `&mut` rest binding do not reach the original).
      const part = new RVec(items.slice(rest, items.length - after), array && mode === 'move');
      moved = bind(q, part, null, f, mode, consts) || moved;
      return;
    }
    const idx = rest < 0 || i < rest ? i : items.length - after + (i - rest - 1);
    moved = bind(q, items[idx]!, new ArrayPlace(items, idx), f, mode, consts) || moved;
  });
  return moved;
}
