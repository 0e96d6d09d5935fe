/**
 * Finding a program's impls at run time: a method or associated item for a value's type — inherent impls
 * first, then trait impls with their defaults, then blanket impls (`impl<T: Display> Tr for T`) whose bounds
 * the type meets. Types are found by key: a user type's key (`lang/resolver/namespaces.ts`), or a builtin
 * type's name (`i32`, `str`, `Vec`, `(2)` for pairs). Integers carry no width at run time, so a trait
 * implemented for one integer type applies to every integer.
 */
import type { ConstItem, Expr, FnItem, Type } from '../../lang/ast';
import type { ImplRecord, ResolvedProgram } from '../../lang/resolve';
import { deref, F64, RChar, REnum, RString, RStruct, RTuple, RVec, Unit, type Value } from '../values';

/** An associated item found for a type: a fn, or a constant's expression (evaluated with `Self` = selfKey). */
export type Found =
  | { k: 'fn'; fn: FnItem; selfKey: string; impl: ImplRecord | null }
  | { k: 'const'; value: Expr; selfKey: string; owner: ConstItem | object };

/** Integer types, most likely first: an integer value finds the impl of the first one implemented. */
export const INT_KEYS = [
  'i32',
  'i64',
  'u64',
  'usize',
  'u32',
  'u8',
  'i8',
  'i16',
  'u16',
  'isize',
  'i128',
  'u128',
];
export const INT_NAMES: ReadonlySet<string> = new Set(INT_KEYS);
const DISPLAY_BUILTINS = new Set([...INT_KEYS, 'f64', 'f32', 'bool', 'char', 'str', 'String']);

/** The key of a value's type, as impls are registered (see the module comment). */
export function typeKeyOf(v: Value): string {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
  }
  if (v instanceof RStruct) return v.def.key ?? v.def.name;
  if (v instanceof REnum) return v.def ? (v.def.key ?? v.def.name) : v.enumName;
  if (v instanceof RString) return 'String';
  if (v instanceof F64) return 'f64';
  if (v instanceof RChar) return 'char';
  if (v instanceof RVec) return v.array ? '[]' : 'Vec';
  if (v instanceof RTuple) return `(${v.items.length})`;
  if (v instanceof Unit) return '()';
  return v.typeName().replace(/[<(].*$/, '');
}

/** The keys an impl may be registered under for a runtime key (`String` derefs to `str`, `Vec` to a slice). */
function candidates(key: string): readonly string[] {
  switch (key) {
    case 'int':
      return INT_KEYS;
    case 'f64':
      return ['f64', 'f32'];
    case 'String':
      return ['String', 'str'];
    case 'Vec':
      return ['Vec', '[]'];
    default:
      return [key];
  }
}

export class TraitTable {
  private readonly cache = new Map<string, Map<string, Found | null>>();
  private readonly implCache = new Map<string, ImplRecord[]>();
  private readonly byKey = new Map<string, ImplRecord[]>();
  private readonly blankets: ImplRecord[] = [];
  private readonly traitKeysByName = new Map<string, string[]>();

  constructor(private readonly program: ResolvedProgram) {
    for (const r of program.impls) {
      if (r.blanket) this.blankets.push(r);
      else if (r.selfKey !== null) {
        const list = this.byKey.get(r.selfKey) ?? [];
        list.push(r);
        this.byKey.set(r.selfKey, list);
      }
    }
    for (const [key, t] of program.traits) {
      const list = this.traitKeysByName.get(t.name) ?? [];
      list.push(key);
      this.traitKeysByName.set(t.name, list);
    }
  }

  keyOfValue(v: Value): string {
    return typeKeyOf(v);
  }

  /** The key of a type written in the program (a turbofish, an annotation), or null if it has none. */
  keyOfType(ty: Type): string | null {
    switch (ty.k) {
      case 'ref':
        return this.keyOfType(ty.ty);
      case 'tuple':
        return ty.items.length === 0 ? '()' : `(${ty.items.length})`;
      case 'array':
        return '[]';
      case 'path': {
        const name = ty.segs[ty.segs.length - 1]!;
        const key = ty.segs.join('::');
        if (this.program.structs.has(key) || this.program.enums.has(key)) return key;
        for (const [k, d] of this.program.structs) if (d.name === name) return k;
        for (const [k, d] of this.program.enums) if (d.name === name) return k;
        return name;
      }
      default:
        return null;
    }
  }

  /**
   * The types a generic fn's parameters stand for in one call: from the turbofish, else from the
   * arguments (`x: T`, `x: &T`, `items: &[T]`, `o: Option<T>`).
   */
  bindTypeArgs(
    item: FnItem,
    args: readonly Value[],
    explicit: readonly Type[],
    expected: Type | null = null,
  ): Map<string, string> {
    const m = new Map<string, string>();
    item.generics.forEach((g, i) => {
      const t = explicit[i];
      const k = t && t.k !== 'infer' ? this.keyOfType(t) : null;
      if (k !== null) m.set(g.name, k);
    });
    const names = new Set(item.generics.map((g) => g.name));
    item.params.forEach((p, i) => {
      if (p.ty && args[i] !== undefined) this.matchParam(p.ty, args[i]!, names, m);
    });
    if (expected && item.ret) this.matchReturn(item.ret, expected, names, m);
    return m;
  }

  /** `fn make<T>() -> T` called where a `T` is expected (`let x: Config = make();`): T from the annotation. */
  private matchReturn(ret: Type, want: Type, names: Set<string>, out: Map<string, string>): void {
    if (want.k === 'infer') return;
    if (ret.k === 'path' && ret.segs.length === 1 && names.has(ret.segs[0]!)) {
      const k = this.keyOfType(want);
      if (k !== null && !out.has(ret.segs[0]!)) out.set(ret.segs[0]!, k);
      return;
    }
    if (ret.k === 'tuple' && want.k === 'tuple' && ret.items.length === want.items.length)
      ret.items.forEach((t, i) => this.matchReturn(t, want.items[i]!, names, out));
    else if (ret.k === 'path' && want.k === 'path' && ret.args.length === want.args.length)
      ret.args.forEach((t, i) => this.matchReturn(t, want.args[i]!, names, out));
    else if (ret.k === 'ref' && want.k === 'ref') this.matchReturn(ret.ty, want.ty, names, out);
  }

  private matchParam(ty: Type, v: Value, names: Set<string>, out: Map<string, string>): void {
    const x = deref(v);
    if (ty.k === 'ref') return this.matchParam(ty.ty, x, names, out);
    if (ty.k === 'array' && x instanceof RVec && x.items.length > 0)
      return this.matchParam(ty.elem, x.items[0]!, names, out);
    if (ty.k !== 'path') return;
    const name = ty.segs[ty.segs.length - 1]!;
    if (ty.segs.length === 1 && names.has(name)) {
      if (!out.has(name)) out.set(name, typeKeyOf(x));
      return;
    }
    const inner = ty.args[0];
    if (!inner) return;
    if (x instanceof RVec && x.items.length > 0) this.matchParam(inner, x.items[0]!, names, out);
    else if (x instanceof REnum && x.values.length > 0 && (name === 'Option' || name === 'Box'))
      this.matchParam(inner, x.values[0]!, names, out);
    else if (name === 'Box') this.matchParam(inner, x, names, out);
  }

  /**
   * The item a static call `Type::name(args)` runs. Several impls of one generic trait may give the same
   * name (`From<Celsius>` and `From<&str>` both give `from`): the first argument's type chooses.
   */
  findCall(key: string, name: string, args: readonly Value[]): Found | null {
    const first = this.find(key, name);
    if (first?.k !== 'fn' || first.impl === null || args.length === 0) return first;
    const trait = first.impl.traitKey;
    const rivals: ImplRecord[] = [];
    for (const k of candidates(key))
      for (const r of this.byKey.get(k) ?? [])
        if (r.traitKey === trait && r.item.fns.some((f) => f.name === name)) rivals.push(r);
    if (rivals.length < 2) return first;
    const arg = deref(args[0]!);
    const pick = rivals.find((r) => this.argMatches(r, 0, arg)) ?? first.impl;
    const fn = pick.item.fns.find((f) => f.name === name)!;
    return { k: 'fn', fn, selfKey: first.selfKey, impl: pick };
  }

  /** Whether a value has the type of an impl's `i`-th trait argument (`From<X>`: is it an X?). */
  argMatches(r: ImplRecord, i: number, v: Value): boolean {
    const want = r.traitArgs[i];
    const key = typeKeyOf(v);
    if (want !== null && want !== undefined) return candidates(key).includes(want) || want === key;
    const ty = r.item.traitType?.k === 'path' ? r.item.traitType.args[i] : undefined;
    if (!ty) return false;
    if (ty.k === 'path' && ty.segs.length === 1 && r.item.generics.some((g) => g.name === ty.segs[0]))
      return true;
    const written = ty.k === 'path' ? ty.segs[ty.segs.length - 1]! : null;
    return written !== null && typeof v === 'object' && v.typeName().replace(/[<(].*$/, '') === written;
  }

  /**
   * The method or associated item `name` of a value's type. Where impls of one generic trait give the
   * same method (`Convert<f64>` and `Convert<String>`), the type the program expects chooses.
   */
  forValue(v: Value, name: string, expected: Type | null = null): Found | null {
    const key = typeKeyOf(v);
    const found = this.find(key, name);
    if (expected === null || found?.k !== 'fn' || found.impl?.traitKey == null) return found;
    const want = this.keyOfType(expected);
    if (want === null || (found.fn.ret && this.keyOfType(found.fn.ret) === want)) return found;
    for (const k of candidates(key))
      for (const r of this.byKey.get(k) ?? []) {
        if (r.traitKey !== found.impl.traitKey || r === found.impl) continue;
        const fn = r.item.fns.find((f) => f.name === name);
        if (fn?.ret && this.keyOfType(fn.ret) === want)
          return { k: 'fn', fn, selfKey: found.selfKey, impl: r };
      }
    return found;
  }

  /** The item `name` of the type with runtime key `key` (trying the keys it derefs to). */
  find(key: string, name: string): Found | null {
    let byName = this.cache.get(key);
    if (!byName) this.cache.set(key, (byName = new Map()));
    let found = byName.get(name);
    if (found === undefined) {
      found = null;
      for (const k of candidates(key)) if ((found = this.findExact(k, name))) break;
      byName.set(name, found);
    }
    return found;
  }

  /** Impls of a std trait (`From`, `TryFrom`, `Add`) for a type, in source order. */
  implsOf(key: string, trait: string): readonly ImplRecord[] {
    const memo = `${key}\0${trait}`;
    let out = this.implCache.get(memo);
    if (out) return out;
    out = [];
    for (const k of candidates(key))
      for (const r of this.byKey.get(k) ?? []) if (r.traitKey === trait && r.trait === null) out.push(r);
    this.implCache.set(memo, out);
    return out;
  }

  /** Every impl of a std trait in the program (`From` impls, whatever their self type). */
  allImplsOf(trait: string): ImplRecord[] {
    return this.program.impls.filter((r) => r.traitKey === trait && r.trait === null);
  }

  private findExact(key: string, name: string): Found | null {
    const inherent = this.program.methods.get(`${key}::${name}`);
    if (inherent) return { k: 'fn', fn: inherent, selfKey: key, impl: null };
    const records = this.byKey.get(key) ?? [];
    for (const r of records)
      if (r.traitKey === null) {
        const c = r.item.consts.find((x) => x.name === name);
        if (c) return { k: 'const', value: c.value, selfKey: key, owner: c };
      }
    for (const r of records)
      if (r.traitKey !== null) {
        const f = this.inImpl(r, key, name);
        if (f) return f;
      }
    for (const r of this.blankets) {
      if (!this.meets(key, r.blanket!.bounds)) continue;
      const f = this.inImpl(r, key, name);
      if (f) return f;
    }
    return null;
  }

  /** `name` in a trait impl: written in the impl, or the trait's default. */
  private inImpl(r: ImplRecord, key: string, name: string): Found | null {
    const fn = r.item.fns.find((f) => f.name === name);
    if (fn) return { k: 'fn', fn, selfKey: key, impl: r };
    const c = r.item.consts.find((x) => x.name === name);
    if (c) return { k: 'const', value: c.value, selfKey: key, owner: c };
    const t = r.trait;
    if (!t) return null;
    const dflt = t.fns.find((f) => f.name === name);
    if (dflt) return { k: 'fn', fn: dflt, selfKey: key, impl: r };
    const tc = t.consts.find((x) => x.name === name);
    if (tc?.value) return { k: 'const', value: tc.value, selfKey: key, owner: tc };
    return null;
  }

  /** Whether the type meets every bound (`T: Display + Clone`). */
  meets(key: string, bounds: readonly Type[], seen = new Set<string>()): boolean {
    return bounds.every((b) => b.k !== 'path' || this.implementsTrait(key, b.segs[b.segs.length - 1]!, seen));
  }

  /** Whether the type implements the trait named `trait` (a program's trait, or a std one). */
  implementsTrait(key: string, trait: string, seen = new Set<string>()): boolean {
    const userKeys = this.traitKeysByName.get(trait);
    if (userKeys) {
      const mark = `${key}:${trait}`;
      if (seen.has(mark)) return false;
      seen.add(mark);
      for (const k of candidates(key)) {
        if ((this.byKey.get(k) ?? []).some((r) => r.traitKey !== null && userKeys.includes(r.traitKey)))
          return true;
      }
      return this.blankets.some(
        (r) =>
          r.traitKey !== null && userKeys.includes(r.traitKey) && this.meets(key, r.blanket!.bounds, seen),
      );
    }
    const def = this.program.structs.get(key) ?? this.program.enums.get(key);
    if (!def) return trait !== 'Display' || candidates(key).some((k) => DISPLAY_BUILTINS.has(k));
    if (def.derives.includes(trait)) return true;
    if ((this.byKey.get(key) ?? []).some((r) => r.traitKey === trait)) return true;
    // Marker traits and auto traits hold unless the program says otherwise.
    return ['Send', 'Sync', 'Sized', 'Unpin', 'Any'].includes(trait);
  }
}
