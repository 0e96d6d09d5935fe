/**
 * What `#[derive(Default)]` makes: every field's default by its type — numbers 0, `bool` false, empty
 * `String`s and collections, `None`, tuples and arrays of defaults, and the `Default` of the program's own
 * types (their `impl Default` or their derive).
 */
import type { Span } from '../../lang/diagnostics';
import type { Type } from '../../lang/ast';
import type { ResolvedProgram } from '../../lang/resolve';
import { F64, NONE, RChar, REnum, RString, RStruct, RTuple, RVec, UNIT, type Value } from '../values';
import { builtinAliases, builtinConsts, builtinFns, type CallCtx } from './registry';
import { INT_NAMES } from './traits';

export interface DeriveHost {
  program: ResolvedProgram;
  /** `Default::default()` of a program's type (its impl, or this derive again). */
  defaultOf(key: string, sp: Span): Value;
  keyOfType(ty: Type): string | null;
  fail(message: string): never;
  /** A builtin call's context (for `HashMap::new()` and friends). */
  ctx(sp: Span): CallCtx;
}

/** `#[derive(Default)]` on the struct with this key. */
export function derivedDefault(h: DeriveHost, key: string, sp: Span): Value {
  const def = h.program.structs.get(key);
  if (def) {
    if (!def.derives.includes('Default'))
      return h.fail(`\`${def.name}\` does not implement \`Default\` (derive it or write \`impl Default\`)`);
    return new RStruct(
      def,
      def.fields.map((f) => defaultOfType(h, f.ty, sp)),
    );
  }
  const e = h.program.enums.get(key);
  if (e) {
    const v = e.variants.find((x) => x.isDefault);
    if (!e.derives.includes('Default') || !v)
      return h.fail(`\`${e.name}\` does not implement \`Default\` (derive it with a \`#[default]\` variant)`);
    return new REnum(e.name, v.name, [], null, e);
  }
  return defaultOfType(h, { k: 'path', segs: [key], args: [], span: sp }, sp);
}

/** `<T as Default>::default()` for a field's written type. */
export function defaultOfType(h: DeriveHost, ty: Type, sp: Span): Value {
  switch (ty.k) {
    case 'tuple':
      return ty.items.length === 0 ? UNIT : new RTuple(ty.items.map((t) => defaultOfType(h, t, sp)));
    case 'ref':
      if (ty.ty.k === 'path' && ty.ty.segs[ty.ty.segs.length - 1] === 'str') return '';
      break;
    case 'array': {
      const n = ty.len?.k === 'lit' && ty.len.value.t === 'int' ? ty.len.value.v : null;
      if (n !== null)
        return new RVec(
          Array.from({ length: Number(n) }, () => defaultOfType(h, ty.elem, sp)),
          true,
        );
      break;
    }
    case 'path': {
      const name = ty.segs[ty.segs.length - 1]!;
      // `int` / `str`: the run-time keys of an integer and a `&str` (a type parameter bound from a value).
      if (INT_NAMES.has(name) || name === 'int') return 0;
      if (name === 'str') return '';
      switch (name) {
        case 'f64':
        case 'f32':
          return new F64(0);
        case 'bool':
          return false;
        case 'char':
          return new RChar('\0');
        case 'String':
          return new RString('');
        case 'Vec':
          return new RVec([]);
        case 'Option':
          return NONE;
        case 'Box':
        case 'Arc':
        case 'Rc':
          if (ty.args[0] && name === 'Box') return defaultOfType(h, ty.args[0], sp);
          break;
      }
      const key = h.keyOfType(ty);
      if (key !== null && (h.program.structs.has(key) || h.program.enums.has(key)))
        return h.defaultOf(key, sp);
      // A builtin unit value (`PhantomData`) is its own default.
      const unit = builtinConsts.get(builtinAliases.get(name) ?? '');
      if (unit) return unit.value();
      // A builtin collection: its `new()`.
      const ctor = builtinAliases.get(`${name}::new`);
      const fn = ctor ? builtinFns.get(ctor) : undefined;
      if (fn) {
        const v = fn.call(h.ctx(sp), []);
        if (typeof v !== 'object' || !('next' in v && typeof (v as { next?: unknown }).next === 'function'))
          return v as Value;
      }
      break;
    }
  }
  return h.fail(`Pollscope cannot make a default value of this type yet`);
}
